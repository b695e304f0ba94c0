package io.mockroom.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A participant whose client stops reading its socket (a raw TCP client with a tiny receive
 * buffer that never reads after joining) does not stall the room: once its outbound queue has
 * stayed full for the limit the room gives it up (nothing more is queued for it, everyone sees it
 * as reconnecting, and its TCP connection is reset without waiting for the client), and the
 * others carry on at full speed throughout.
 */
class AClientThatStopsReadingIsDisconnectedTest {

  @Test
  void theStuckSocketIsDisconnectedAndTheRoomCarriesOn() throws Exception {
    try (TestServer server = TestServer.start()) {
      Interviewer ada = Interviewer.signUp(server, "Slow Org");
      JsonNode session = ada.createSession("Slow", "Sam", 1);
      String id = session.get("id").asText();
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
           RoomClient other = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
           Socket stuck = new Socket()) {
        staff.hello();
        other.send(other.json("hello").put("name", "Other"));
        other.await("welcome");
        staff.send(staff.json("push_question").put("planIndex", 0));
        String doc = other.await("question").get("question").get("doc").asText();

        stuck.setReceiveBufferSize(4096);
        stuck.connect(new InetSocketAddress("127.0.0.1", server.port()));
        joinAndStopReading(stuck, "/ws/join/" + Interviewer.token(session), "127.0.0.1:" + server.port());
        String stuckId = staff.await("presence", p -> p.get("participant").get("name").asText().equals("Stuck")).get("participant").get("id").asText();

        String big = "x".repeat(200 * 1024);
        int version = 0;
        int length = 0;
        boolean gone = false;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!gone && System.nanoTime() < deadline) {
          ObjectNode push = staff.json("push").put("doc", doc).put("version", version);
          var changes = Json.MAPPER.createArrayNode();
          String text = big.substring(version % 2);
          changes.addArray().add(length).add(text);
          push.putArray("updates").addObject().put("clientID", "ada").set("changes", changes);
          staff.send(push);
          int next = version + 1;
          JsonNode confirmed = staff.await("updates", u -> u.get("version").asInt() == next);
          assertThat(confirmed).isNotNull();
          other.await("updates", u -> u.get("version").asInt() == next); // the others keep up
          version = next;
          length = text.length();
          gone = staff.frames().stream().anyMatch(f -> f.contains("\"presence\"") && f.contains(stuckId) && f.contains("reconnecting"));
        }
        assertThat(gone).as("the stuck socket was disconnected").isTrue();
        staff.send(staff.json("chat").put("text", "still here"));
        other.await("chat", c -> c.get("chat").get("text").asText().equals("still here"));

        // Its connection is closed too, at once, although the client still reads nothing: the
        // server counts only the two others as open sockets (a socket is counted until its TCP
        // connection has closed).
        long closeDeadline = System.nanoTime() + RoomClient.WAIT.toNanos();
        long open = openSockets(server);
        while (open != 2 && System.nanoTime() < closeDeadline) {
          Thread.sleep(100); // pace the scrapes; the loop ends on the count, not on time
          open = openSockets(server);
        }
        assertThat(open).as("open sockets once the stuck one was given up").isEqualTo(2);
        assertThat(stuck.isClosed()).as("the test never closed its end").isFalse();
        // When the client reads again, what it finds is the end of the connection (reset), not a stream.
        stuck.setSoTimeout((int) RoomClient.WAIT.toMillis());
        boolean ended = false;
        try {
          InputStream in = stuck.getInputStream();
          byte[] buffer = new byte[64 * 1024];
          while (!ended) ended = in.read(buffer) == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          ended = false;
        } catch (java.net.SocketException reset) {
          ended = true;
        }
        assertThat(ended).as("the stuck client finds its connection closed").isTrue();
      }
    }
  }

  /** The server's open room sockets, from /metrics. */
  static long openSockets(TestServer server) {
    for (String line : Http.get(server.baseUrl() + "/metrics").body().split("\n")) {
      if (line.startsWith("mockroom_sockets ")) return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
    }
    throw new AssertionError("no mockroom_sockets in /metrics");
  }

  /** The WebSocket handshake and a hello by hand; afterwards nothing is ever read. */
  static void joinAndStopReading(Socket s, String path, String host) throws Exception {
    OutputStream out = s.getOutputStream();
    String key = Base64.getEncoder().encodeToString("mockroom-stuck-01".getBytes(StandardCharsets.UTF_8)).substring(0, 22) + "==";
    out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
    byte[] payload = "{\"type\":\"hello\",\"name\":\"Stuck\"}".getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    out.write(0x81);
    out.write(0x80 | payload.length);
    out.write(mask);
    for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ mask[i % 4]);
    out.flush();
  }
}
