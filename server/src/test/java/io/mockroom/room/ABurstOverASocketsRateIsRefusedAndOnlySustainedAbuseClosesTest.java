package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A socket's rate (60 messages a second, burst 200) refuses a burst over it with
 * {@code rate_limited} but does not count those refusals as bad messages: 300 pings at once are
 * each answered (a pong or a refusal) and the socket stays open. Only a client that keeps sending
 * over the rate — more than 600 refusals in a minute — is closed (1008), and even then every
 * reply owed for what was accepted before arrives ahead of the close frame.
 */
class ABurstOverASocketsRateIsRefusedAndOnlySustainedAbuseClosesTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Burst Org");
  }

  @Test
  void aBurstIsRefusedInPartAndTheSocketStaysOpen() {
    JsonNode session = ada.createSession("Burst", "Bea", 1);
    try (RoomClient bea = candidate(session, "Bea")) {
      int burst = 300;
      bea.sendAll(pings(0, burst));
      int pongs = 0;
      int refused = 0;
      while (pongs + refused < burst) {
        JsonNode f = bea.next();
        if (f.get("type").asText().equals("pong")) pongs++;
        if (f.get("type").asText().equals("error")) {
          assertThat(f.get("code").asText()).as("%s", f).isEqualTo("rate_limited");
          refused++;
        }
      }
      assertThat(pongs).as("pongs").isGreaterThanOrEqualTo(199); // the burst, less the hello
      assertThat(refused).as("refusals").isPositive();
      // Still open: once the bucket refills, a ping is answered again.
      boolean answered = false;
      for (int t = 10_000; !answered && t < 10_300; t++) {
        bea.send(bea.json("ping").put("t", t));
        JsonNode f = bea.next();
        while (!f.get("type").asText().equals("pong") && !f.get("type").asText().equals("error")) f = bea.next();
        answered = f.get("type").asText().equals("pong");
        if (!answered) assertThat(f.get("code").asText()).isEqualTo("rate_limited");
      }
      assertThat(answered).as("a pong after the burst").isTrue();
      assertThat(bea.closeCode()).as("close code").isNull();
    }
  }

  @Test
  void sustainedSendingOverTheRateClosesTheSocketAfterEveryReplyDue() {
    JsonNode session = ada.createSession("Sustained", "Sam", 1);
    try (RoomClient sam = candidate(session, "Sam")) {
      sam.sendAll(pings(0, 2000));
      assertThat(sam.awaitClosed()).isTrue();
      assertThat(sam.closeCode()).isEqualTo((short) 1008);
      List<Long> pongs = new ArrayList<>();
      int refused = 0;
      for (String f : sam.frames()) {
        if (f.contains("\"pong\"")) pongs.add(parse(f).get("t").asLong());
        if (f.contains("\"rate_limited\"")) refused++;
      }
      // The socket was closed at its 601st refusal, and nothing after that was handled: the
      // messages handled were the accepted pings and those refusals. Each accepted ping got its
      // pong before the close, so none has a number beyond what was handled.
      assertThat(refused).isEqualTo(601);
      assertThat(pongs).as("pongs").hasSizeGreaterThanOrEqualTo(199).isSorted();
      assertThat(pongs.get(pongs.size() - 1)).as("the last pong's ping, of %d handled", pongs.size() + refused)
          .isLessThan(pongs.size() + refused);
    }
  }

  private static RoomClient candidate(JsonNode session, String name) {
    RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
    c.send(c.json("hello").put("name", name));
    c.await("welcome");
    return c;
  }

  private static List<String> pings(int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) out.add("{\"type\":\"ping\",\"t\":" + i + "}");
    return out;
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
