package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RawWebSocket;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile client that starts a message and never ends it — continuation frames, one after
 * another — cannot make the server hold more than the limit for it: the server stops collecting at
 * {@link RoomGateway#MAX_FRAME} bytes and closes the socket (1009) while the client is still
 * sending, and the room goes on. What is kept for a message in frames never grows past the limit,
 * however it is cut, and is let go when the message ends or passes the limit.
 */
class EndlessContinuationFramesAreCutOffAtTheLimitTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Hostile Ltd");
  }

  @Test
  void theServerClosesOnceTheMessagePassesTheLimit() throws IOException {
    JsonNode session = ada.createSession("Endless", "Eve", 1);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText());
         RawWebSocket eve = RawWebSocket.connect(server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      eve.sendJson(staff.json("hello").put("name", "Eve"));
      eve.await("welcome");

      byte[] piece = new byte[64 * 1024];
      java.util.Arrays.fill(piece, (byte) 'x');
      long sent = 0;
      // The client gives up here: the server never stopped it. (It sees the close a few MiB after
      // the limit: what the TCP buffers between the two hold, not anything the server keeps.)
      long cap = 64L * RoomGateway.MAX_FRAME;
      eve.sendFrame(RawWebSocket.TEXT, false, "{\"type\":\"chat\",\"text\":\"".getBytes());
      while (sent < cap && !eve.closeReceived()) {
        eve.sendFrame(RawWebSocket.CONTINUATION, false, piece);
        sent += piece.length;
      }
      assertThat(eve.closeReceived()).as("the server closed before the client had sent %d bytes", sent).isTrue();
      RawWebSocket.Frame close = eve.awaitClose();
      assertThat(close.closeCode()).as(close.toString()).isEqualTo(1009);
      assertThat(close.closeReason()).isEqualTo(AMessageOverTheLimitClosesTheSocketWith1009Test.REASON);
      eve.answerClose(close);
      eve.awaitEndOfStream();

      staff.send(staff.json("chat").put("text", "after Eve"));
      staff.await("chat", m -> m.get("chat").get("text").asText().equals("after Eve"));
    }
  }

  @Test
  void whatIsKeptForAMessageNeverPassesTheLimit() {
    // The server's limit, and one that no doubling of a buffer lands on.
    for (int limit : new int[] {RoomGateway.MAX_FRAME, 1_000_003}) {
      for (int piece : new int[] {1, 1000, 4096, 64 * 1024, limit / 2}) {
        holdsAtMostTheLimit(limit, piece);
      }
    }
  }

  private static void holdsAtMostTheLimit(int limit, int piece) {
    FragmentedMessage m = new FragmentedMessage(limit);
    Buffer data = Buffer.buffer(new byte[piece]);
    int state = m.start(false, data);
    long taken = piece;
    int mostHeld = m.held();
    while (state == FragmentedMessage.MORE) {
      state = m.add(data, false);
      taken += piece;
      mostHeld = Math.max(mostHeld, m.held());
    }
    String as = "a limit of " + limit + ", pieces of " + piece;
    assertThat(mostHeld).as("the most bytes held, " + as).isLessThanOrEqualTo(limit);
    assertThat(state).as(as).isEqualTo(FragmentedMessage.TOO_BIG);
    assertThat(taken).as("the piece that passed the limit, " + as).isGreaterThan(limit).isLessThanOrEqualTo(limit + piece);
    assertThat(m.held()).as("let go when over the limit, " + as).isZero();
    assertThat(m.open()).isFalse();
  }

  @Test
  void aBinaryMessageIsCountedNotKept() {
    FragmentedMessage m = new FragmentedMessage(RoomGateway.MAX_FRAME);
    Buffer piece = Buffer.buffer(new byte[100 * 1024]);
    assertThat(m.start(true, piece)).isEqualTo(FragmentedMessage.MORE);
    for (int i = 1; i < 10; i++) assertThat(m.add(piece, false)).isEqualTo(FragmentedMessage.MORE);
    assertThat(m.held()).isZero();
    assertThat(m.add(piece, false)).as("past the limit all the same").isEqualTo(FragmentedMessage.TOO_BIG);
  }

  @Test
  void aMessageUpToTheLimitIsWholeAndThenLetGo() {
    FragmentedMessage m = new FragmentedMessage(10);
    assertThat(m.start(false, Buffer.buffer("{\"a\":"))).isEqualTo(FragmentedMessage.MORE);
    assertThat(m.add(Buffer.buffer("\"é\"}"), true)).as("exactly 10 bytes").isEqualTo(FragmentedMessage.WHOLE);
    assertThat(m.text()).isEqualTo("{\"a\":\"é\"}");
    assertThat(m.held()).isZero();
    assertThat(m.open()).isFalse();
  }
}
