package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.room.AWholeSessionOverTheLiveProtocolTest;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RawWebSocket;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 6455 lets a peer send a message as a text frame and continuation frames (some clients and
 * proxies do). The room gets the whole message, as if it had come in one frame: the same effect,
 * the same answer to a bad one — whether the cuts fall inside a character, the first frame is
 * empty, or a ping comes between the frames.
 */
class AMessageInSeveralFramesIsHandledAsTheSameMessageInOneFrameTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Fragments Ltd");
  }

  @Test
  void aChatCutInsideItsCharactersReachesTheOthersWhole() throws IOException {
    JsonNode session = ada.createSession("Chat in pieces", "Cai", 1);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText());
         RawWebSocket cand = RawWebSocket.connect(server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.sendJson(staff.json("hello").put("name", "Cai"));
      cand.await("welcome");

      String text = "déjà vu € 😀 fin";
      String message = "{\"type\":\"chat\",\"text\":\"" + text + "\"}";
      int start = message.getBytes(StandardCharsets.UTF_8).length - text.getBytes(StandardCharsets.UTF_8).length - 2;
      // Cut after the first byte of "é", after two bytes of "€", after three bytes of "😀".
      int[] cuts = {start + 2, start + 12, start + 17};
      assertThat(new String(message.getBytes(StandardCharsets.UTF_8), 0, cuts[0], StandardCharsets.UTF_8))
          .as("the first cut falls inside a character").endsWith("\uFFFD");
      cand.sendFragmented(message, cuts);
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo(text);

      // The same chat in one frame has the same effect.
      cand.sendText(message);
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo(text);

      // An empty first frame, and a ping between two frames (control frames may come between).
      byte[] utf8 = "{\"type\":\"chat\",\"text\":\"after a ping\"}".getBytes(StandardCharsets.UTF_8);
      cand.sendFrame(RawWebSocket.TEXT, false, new byte[0]);
      cand.sendFrame(RawWebSocket.CONTINUATION, false, java.util.Arrays.copyOfRange(utf8, 0, 10));
      cand.sendFrame(RawWebSocket.PING, true, "p".getBytes(StandardCharsets.UTF_8));
      cand.sendFrame(RawWebSocket.CONTINUATION, true, java.util.Arrays.copyOfRange(utf8, 10, utf8.length));
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo("after a ping");

      // A bad message in frames gets the answer it gets in one frame.
      cand.sendFragmented("{\"type\":\"chat\",\"text\":42}", 5, 15);
      JsonNode error = cand.await("error");
      cand.sendText("{\"type\":\"chat\",\"text\":42}");
      JsonNode again = cand.await("error");
      assertThat(error.get("code").asText()).isEqualTo("invalid_message");
      assertThat(error).isEqualTo(again);
    }
  }

  @Test
  void anEditInThreeFramesIsConfirmedAndReachesTheOthers() {
    JsonNode session = ada.createSession("Push in pieces", "Pia", 1);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      String doc = staff.startWithFirstQuestion();
      cand.send(cand.json("hello").put("name", "Pia"));
      cand.await("welcome");

      // A library client (Vert.x's) writing a text frame and two continuation frames.
      cand.sendInFrames(AWholeSessionOverTheLiveProtocolTest.insert(cand, doc, 0, "pia-1", 0, 0, "def f():"), 3);
      JsonNode confirmed = cand.await("updates");
      assertThat(confirmed.get("version").asInt()).isEqualTo(1);
      assertThat(confirmed.get("updates").get(0).get("clientID").asText()).isEqualTo("pia-1");
      JsonNode seen = staff.await("updates");
      assertThat(seen.get("updates")).isEqualTo(confirmed.get("updates"));

      // The next edit, in one frame, follows on from it.
      cand.send(AWholeSessionOverTheLiveProtocolTest.insert(cand, doc, 1, "pia-2", 8, 8, " pass"));
      assertThat(staff.await("updates").get("version").asInt()).isEqualTo(2);
    }
  }
}
