package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.room.AWholeSessionOverTheLiveProtocolTest;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RawWebSocket;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message longer than the server takes ({@link RoomGateway#MAX_FRAME} bytes), in one frame or in
 * several, is answered as RFC 6455 says: a close frame with 1009 and a reason a person can read,
 * then an orderly end of the TCP connection — not a reset, which a browser shows as 1006 with no
 * reason. What the socket sent before it is still applied, its confirmation reaches the socket
 * before the close frame, and the room carries on for everyone else.
 */
class AMessageOverTheLimitClosesTheSocketWith1009Test {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  static final String REASON = "message too big: at most 1048576 bytes";

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Limits Ltd");
  }

  @Test
  void oneFrameOverTheLimit() throws IOException {
    // 4 MiB in one frame: still arriving when the server has read its header and said no.
    overTheLimit(raw -> raw.sendFrame(RawWebSocket.TEXT, true, RawWebSocket.chatOfBytes(4 * RoomGateway.MAX_FRAME)));
  }

  @Test
  void oneMessageInFramesOverTheLimitByOneByte() throws IOException {
    // Four frames of 256 KiB are exactly the limit; the fifth frame's one byte is over it.
    overTheLimit(raw -> {
      byte[] message = RawWebSocket.chatOfBytes(RoomGateway.MAX_FRAME + 1);
      int quarter = RoomGateway.MAX_FRAME / 4;
      for (int i = 0; i < 5; i++) {
        int from = i * quarter;
        raw.sendFrame(i == 0 ? RawWebSocket.TEXT : RawWebSocket.CONTINUATION, i == 4,
            Arrays.copyOfRange(message, from, Math.min(message.length, from + quarter)));
      }
    });
  }

  interface Send {
    void to(RawWebSocket raw) throws IOException;
  }

  private void overTheLimit(Send oversized) throws IOException {
    JsonNode session = ada.createSession("Big paste", "Bea", 1);
    String sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId);
         RoomClient other = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
         RawWebSocket big = RawWebSocket.connect(server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      String doc = staff.startWithFirstQuestion();
      other.send(other.json("hello").put("name", "Other tab"));
      other.await("welcome");
      big.sendJson(staff.json("hello").put("name", "Bea"));
      big.await("welcome");

      // An edit, then at once the message over the limit: the edit is owed a confirmation.
      big.sendJson(AWholeSessionOverTheLiveProtocolTest.insert(staff, doc, 0, "bea-1", 0, 0, "before"));
      IOException whileSending = null;
      try {
        oversized.to(big);
      } catch (IOException e) {
        whileSending = e;
      }
      assertThat(whileSending).as("the server reset the connection while the message was being sent").isNull();

      RawWebSocket.Frame close = big.awaitClose();
      assertThat(close.closeCode()).as(close.toString()).isEqualTo(1009);
      assertThat(close.closeReason()).isEqualTo(REASON);
      assertThat(big.messages()).as("the edit's confirmation, before the close frame")
          .anySatisfy(m -> assertThat(m).contains("\"type\":\"updates\"").contains("bea-1"));
      big.answerClose(close);
      big.awaitEndOfStream(); // an orderly end: a reset throws here

      // The edit reached the others, and the room carries on for them.
      assertThat(other.await("updates").get("version").asInt()).isEqualTo(1);
      staff.send(AWholeSessionOverTheLiveProtocolTest.insert(staff, doc, 1, "ada-1", 6, 6, " after"));
      JsonNode after = other.await("updates", u -> u.get("version").asInt() == 2);
      assertThat(after.get("updates").get(0).get("clientID").asText()).isEqualTo("ada-1");
      other.send(other.json("chat").put("text", "still here"));
      staff.await("chat", m -> m.get("chat").get("text").asText().equals("still here"));
    }
  }
}
