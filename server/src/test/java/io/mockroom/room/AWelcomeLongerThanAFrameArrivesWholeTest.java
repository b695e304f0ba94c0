package io.mockroom.room;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import io.mockroom.ws.RoomGateway;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages go out as one frame, written from bytes encoded once for all the room's sockets —
 * except a message longer than the largest frame, which goes as several. Six long answers make a
 * welcome of over a megabyte; a client that takes frames only up to that limit (as the server
 * itself does) receives it whole, every answer intact, and the room goes on.
 */
class AWelcomeLongerThanAFrameArrivesWholeTest {
  @RegisterExtension static final TestServer server = TestServer.perClass();

  static final int QUESTIONS = 6;
  static final int ANSWER = 200_000;

  @Test
  void sixLongAnswersReachAClientThatTakesFramesOnlyUpToTheLimit() {
    Interviewer ada = Interviewer.signUp(server, "Long Answers Ltd");
    String sessionId = ada.createSession("Six long answers", "Grace", QUESTIONS).get("id").asText();
    List<String> docs = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      staff.send(staff.json("start"));
      for (int q = 0; q < QUESTIONS; q++) {
        int index = q;
        staff.send(staff.json("push_question").put("planIndex", q));
        String doc = staff.await("question", m -> m.get("question").get("planIndex").asInt() == index).get("question").get("doc").asText();
        String answer = String.valueOf((char) ('a' + q)).repeat(ANSWER);
        staff.send(insert(staff, doc, 0, "ada-1", 0, 0, answer));
        staff.await("updates", u -> u.get("doc").asText().equals(doc) && u.get("version").asInt() == 1);
        docs.add(doc);
        answers.add(answer);
      }

      try (RoomClient late = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie(), RoomGateway.MAX_FRAME)) {
        JsonNode welcome = late.hello();
        assertThat(late.frames().get(0).length()).as("the welcome").isGreaterThan(RoomGateway.MAX_FRAME);
        for (int q = 0; q < QUESTIONS; q++) {
          assertThat(welcome.get("docs").get(docs.get(q)).get("text").asText()).as("answer %d", q).isEqualTo(answers.get(q));
        }
        // The same socket takes the room's next keystroke, sent as one short frame.
        staff.send(insert(staff, docs.get(0), 1, "ada-1", ANSWER, ANSWER, "!"));
        JsonNode next = late.await("updates", u -> u.get("version").asInt() == 2);
        assertThat(next.get("doc").asText()).isEqualTo(docs.get(0));
        assertThat(late.closeCode()).isNull();
      }
    }
  }
}
