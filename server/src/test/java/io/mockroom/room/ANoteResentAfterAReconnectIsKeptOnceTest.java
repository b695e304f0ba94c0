package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An interviewer writes a note and the connection drops before (or while) it is confirmed: whether
 * the room got it or not, the browser sends it again on its next socket. The note is kept once —
 * one event in the log, one note in everyone's view and in a fresh welcome — and its author is
 * confirmed on the new socket, again each time it is sent again. A colleague in the room sees it
 * once. A candidate sending a note with a staff note's id is refused, naming the id.
 */
class ANoteResentAfterAReconnectIsKeptOnceTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aNoteSentAgainOnANewSocketIsKeptOnceAndConfirmedEachTime() {
    Interviewer ada = Interviewer.signUp(server, "Notes Once Ltd");
    Interviewer bob = ada.colleague("Bob");
    JsonNode session = ada.createSession("Noted", "Grace", 1);
    String sessionId = session.get("id").asText();
    Http.post(server.baseUrl() + "/api/sessions/" + sessionId + "/members",
        Map.of("email", bob.account().get("email").asText(), "role", "observer"), ada.cookie());
    String id = UUID.randomUUID().toString();
    String text = "Knows decorators well";
    try (RoomClient colleague = RoomClient.joinAsStaff(server, bob, sessionId);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", "Grace"));
      cand.await("welcome");
      RoomClient first = RoomClient.joinAsStaff(server, ada, sessionId);
      // Sent, and the socket dropped at once: its confirmation, if any, never reaches this socket.
      first.send(note(first, id, text));
      first.drop();
      first.close();

      try (RoomClient again = RoomClient.joinAsStaff(server, ada, sessionId)) {
        again.send(note(again, id, text));
        JsonNode confirmed = again.await("note", n -> n.get("note").get("id").asText().equals(id));
        assertThat(confirmed.get("note").get("text").asText()).isEqualTo(text);
        // And once more, now that it is surely stored: confirmed again with the same note.
        again.send(note(again, id, text));
        JsonNode reconfirmed = again.await("note", n -> n.get("note").get("id").asText().equals(id));
        assertThat(reconfirmed).isEqualTo(confirmed);

        again.send(again.json("note").put("text", "marker"));
        colleague.await("note", n -> n.get("note").get("text").asText().equals("marker"));
        assertThat(noteFrames(colleague, id)).as("the colleague saw the note once").isEqualTo(1);

        // The id is the interviewer's: the candidate cannot use it, and is told which message was refused.
        cand.send(note(cand, id, "not mine"));
        JsonNode refused = cand.await("error");
        assertThat(refused.get("code").asText()).isEqualTo("invalid_message");
        assertThat(refused.get("id").asText()).isEqualTo(id);
      }
      try (RoomClient late = RoomClient.joinAsStaff(server, ada, sessionId)) {
        JsonNode welcome = late.frames().stream().map(ANoteResentAfterAReconnectIsKeptOnceTest::parse)
            .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow();
        List<String> notes = StreamSupport.stream(welcome.get("notes").spliterator(), false).map(n -> n.get("id").asText()).toList();
        assertThat(notes).hasSize(2).containsOnlyOnce(id);
      }
      assertThat(cand.frames()).noneMatch(f -> f.contains(text));
    }
    assertThat((Long) Sql.one(server.database(),
        "select count(*) from session_events where session_id = ?::uuid and type = 'note' and payload ->> 'id' = ?", sessionId, id))
        .isEqualTo(1L);
    assertThat((Long) Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and type = 'note'", sessionId))
        .isEqualTo(2L);
  }

  private static JsonNode note(RoomClient c, String id, String text) {
    return c.json("note").put("id", id).put("text", text);
  }

  private static long noteFrames(RoomClient c, String id) {
    return c.frames().stream().map(ANoteResentAfterAReconnectIsKeptOnceTest::parse)
        .filter(f -> f.get("type").asText().equals("note") && f.get("note").get("id").asText().equals(id)).count();
  }

  private static JsonNode parse(String frame) {
    try {
      return Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
