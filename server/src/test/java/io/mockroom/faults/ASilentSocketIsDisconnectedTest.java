package io.mockroom.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * A participant whose connection went dead without closing (a laptop lid shut: the TCP
 * connection stays, nothing more comes from it) is not shown online forever: after the silence
 * limit (5 s here, 60 s by default; the app pings every 20 s) the room sees it as reconnecting,
 * while a participant that keeps pinging stays. The server keeps sending to the silent peer all
 * along (chat lines), as to a peer whose network vanished: only what a socket sends counts, so
 * no WebSocket-level ping from the server is needed to find it dead.
 */
class ASilentSocketIsDisconnectedTest {

  @Test
  void theSilentPeerIsDroppedAndThePingingOneStays() throws Exception {
    try (TestServer server = TestServer.start(c -> c.withSocketSilenceSeconds(5))) {
      Interviewer ada = Interviewer.signUp(server, "Silent Org");
      JsonNode session = ada.createSession("Silent", "Sid", 1);
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + session.get("id").asText(), ada.cookie());
           Socket silent = new Socket()) {
        staff.hello();
        silent.connect(new InetSocketAddress("127.0.0.1", server.port()));
        AClientThatStopsReadingIsDisconnectedTest.joinAndStopReading(silent, "/ws/join/" + Interviewer.token(session), "127.0.0.1:" + server.port());
        String silentId = staff.await("presence", p -> p.get("participant").get("name").asText().equals("Stuck")).get("participant").get("id").asText();

        boolean dropped = false;
        long deadline = System.nanoTime() + 30_000_000_000L;
        int t = 0;
        while (!dropped && System.nanoTime() < deadline) {
          staff.send(staff.json("ping").put("t", ++t)); // the interviewer stays alive by pinging
          // … and chats, so the server keeps sending to the silent peer: what the server sends
          // does not keep a socket alive, only what it receives does.
          staff.send(staff.json("chat").put("text", "tick " + t));
          int expected = t;
          staff.await("pong", p -> p.get("t").asInt() == expected);
          dropped = staff.frames().stream().anyMatch(f -> f.contains("\"presence\"") && f.contains(silentId) && f.contains("reconnecting"));
          if (!dropped) Thread.sleep(500); // pace the pings; the loop ends on the presence change, not on time
        }
        assertThat(dropped).as("the silent participant was dropped").isTrue();
        staff.send(staff.json("ping").put("t", 999));
        assertThat(staff.await("pong", p -> p.get("t").asInt() == 999)).isNotNull();
      }
    }
  }
}
