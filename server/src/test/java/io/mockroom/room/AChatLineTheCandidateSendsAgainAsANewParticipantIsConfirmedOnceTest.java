package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The candidate's page keeps its participant id per link in localStorage and its outbox per tab: a
 * browser that lost the id (storage refused or cleared, or another tab of the link wrote its own)
 * says hello without it, joins as a new participant, and sends again the chat line that was in
 * flight. The line is confirmed to the new participant — the stored line, as it was — not refused
 * as another's; it is stored and shown to the interviewer once. Two candidate participants sending
 * one line back to back (the second copy to arrive finds the first committing, or committed) are
 * both confirmed, and it is stored once.
 */
class AChatLineTheCandidateSendsAgainAsANewParticipantIsConfirmedOnceTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theLineIsConfirmedToTheNewParticipantAndStoredOnce() {
    Interviewer ada = Interviewer.signUp(server, "New Identity Ltd");
    JsonNode session = ada.createSession("Rejoined", "Grace", 1);
    String sessionId = session.get("id").asText();
    String link = "/ws/join/" + Interviewer.token(session);
    String line = UUID.randomUUID().toString();
    String raced = UUID.randomUUID().toString();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId)) {
      String before;
      JsonNode first;
      try (RoomClient cand = RoomClient.connect(server.vertx(), server.port(), link, null)) {
        cand.send(cand.json("hello").put("name", "Grace"));
        before = cand.await("welcome").get("you").get("id").asText();
        cand.send(chat(cand, line, "Is recursion allowed?"));
        first = cand.await("chat", c -> c.get("chat").get("id").asText().equals(line));
      }

      // The browser lost its participant id: a hello with the name only makes a new participant.
      try (RoomClient back = RoomClient.connect(server.vertx(), server.port(), link, null);
           RoomClient old = RoomClient.connect(server.vertx(), server.port(), link, null)) {
        back.send(back.json("hello").put("name", "Grace"));
        String now = back.await("welcome").get("you").get("id").asText();
        assertThat(now).as("a new participant").isNotEqualTo(before);

        back.send(chat(back, line, "Is recursion allowed?"));
        assertThat(back.await("chat")).as("the stored line, confirmed again").isEqualTo(first);
        assertNoError(back);

        // The old participant and the new one send one line back to back: whichever comes second
        // is a resend (the first still committing, or committed), and both are confirmed.
        old.send(old.json("hello").put("participantId", before));
        old.await("welcome");
        back.send(chat(back, raced, "Can I use a set?"));
        old.send(chat(old, raced, "Can I use a set?"));
        assertThat(back.await("chat", c -> c.get("chat").get("id").asText().equals(raced)).get("chat").get("text").asText())
            .isEqualTo("Can I use a set?");
        old.await("chat", c -> c.get("chat").get("id").asText().equals(raced));
        assertNoError(back);
        assertNoError(old);
      }
      staff.send(staff.json("chat").put("text", "marker"));
      staff.await("chat", c -> c.get("chat").get("text").asText().equals("marker"));
      assertThat(chatFrames(staff, line)).as("the interviewer saw the line once").isEqualTo(1);
      assertThat(chatFrames(staff, raced)).isEqualTo(1);
    }
    assertThat(Sql.rows(server.database(), "select payload ->> 'id' as id from session_events"
            + " where session_id = ?::uuid and type = 'chat' and payload ->> 'text' <> 'marker' order by version",
            sessionId).stream().map(r -> r.get("id")).toList())
        .as("each line stored once")
        .containsExactly(line, raced);
  }

  private static JsonNode chat(RoomClient c, String id, String text) {
    return c.json("chat").put("id", id).put("text", text);
  }

  /** Every message before a ping is answered before its pong: none of them was refused. */
  private static void assertNoError(RoomClient c) {
    c.send(c.json("ping").put("t", 7));
    c.await("pong");
    assertThat(c.frames()).noneMatch(f -> f.contains("\"type\":\"error\""));
  }

  private static long chatFrames(RoomClient c, String id) {
    return c.frames().stream().map(AChatLineTheCandidateSendsAgainAsANewParticipantIsConfirmedOnceTest::parse)
        .filter(f -> f.get("type").asText().equals("chat") && f.get("chat").get("id").asText().equals(id)).count();
  }

  private static JsonNode parse(String frame) {
    try {
      return Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
