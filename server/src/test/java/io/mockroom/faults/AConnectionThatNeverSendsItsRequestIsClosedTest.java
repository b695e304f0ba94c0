package io.mockroom.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connection that never completes its request — it sends nothing at all, half a request line,
 * or a WebSocket upgrade whose headers never end — does not hold the server's resources for ever:
 * once it has been idle (nothing read or written) for twice the socket silence limit (120 s by
 * default; 2 × 2 s here) the server closes it, while it keeps serving everyone else. Room sockets
 * are not affected: the app pings every 20 s, and a silent one is closed earlier by the silence rule.
 */
class AConnectionThatNeverSendsItsRequestIsClosedTest {
  static final int SILENCE_SECONDS = 2;
  static final long IDLE_LIMIT_MS = 2 * SILENCE_SECONDS * 1000L;

  @Test
  void silentAndUnfinishedRequestsAreClosedAndOthersAreServed() throws Exception {
    try (TestServer server = TestServer.start(c -> c.withSocketSilenceSeconds(SILENCE_SECONDS))) {
      String host = "127.0.0.1:" + server.port();
      String[] openings = {
          "", // connects and says nothing
          "GET /api/quest", // half a request line
          "GET /ws/join/abc HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n", // headers never end
      };
      List<Socket> sockets = new ArrayList<>();
      try {
        long start = System.nanoTime();
        for (String opening : openings) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", server.port()));
          s.getOutputStream().write(opening.getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          // Generous enough for a slow machine; the server's bound is IDLE_LIMIT_MS.
          s.setSoTimeout((int) (IDLE_LIMIT_MS + 20_000));
          sockets.add(s);
        }
        // Meanwhile the server answers others as usual.
        assertThat(Http.get(server.baseUrl() + "/health").status()).isEqualTo(200);

        for (int i = 0; i < sockets.size(); i++) {
          assertThat(closedByServer(sockets.get(i))).as("connection %d (%s) closed by the server", i, label(openings[i])).isTrue();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        // Not before the idle limit (so live connections get their time), and well before the read timeout.
        assertThat(elapsedMs).isGreaterThanOrEqualTo(IDLE_LIMIT_MS - 100);

        // The server still serves HTTP and WebSockets.
        assertThat(Http.get(server.baseUrl() + "/health").status()).isEqualTo(200);
        Interviewer ada = Interviewer.signUp(server, "Slow Loris Org");
        assertThat(ada.createSession("After", "Cara", 1).get("id").asText()).isNotBlank();
      } finally {
        for (Socket s : sockets) s.close();
      }
    }
  }

  /** True when the server closed the connection (end of stream or reset); false when the read timed out. */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    try {
      while (true) {
        // A closed connection may first deliver an error answer (e.g. 400 for the half request line).
        if (in.read() == -1) return true;
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static String label(String opening) {
    return opening.isEmpty() ? "nothing sent" : opening.lines().findFirst().orElse(opening);
  }
}
