package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session's chat keeps at most {@link Room#MAX_CHAT_LINES} lines: once it holds them, a line
 * from the candidate or the staff is refused as {@code chat_full}, naming the line, and nothing is
 * stored or shown; the rest of the room goes on (a note is kept). The full chat is written into the
 * log directly (sending it would take the rate limit's time); the room loads it as it is.
 */
class ASessionsChatKeepsAtMostItsLimitOfLinesTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aLineBeyondTheLimitIsRefusedAndNothingIsKept() {
    Interviewer ada = Interviewer.signUp(server, "Chatty Org");
    JsonNode session = ada.createSession("Chatty", "Grace", 1);
    String id = session.get("id").asText();
    String grace = UUID.randomUUID().toString();
    Sql.execute(server.database(), "insert into session_events (session_id, version, type, participant_id, payload)"
        + " values (?::uuid, 1, 'joined', ?::uuid, '{\"name\": \"Grace\", \"role\": \"candidate\", \"accountId\": null}')", id, grace);
    Sql.execute(server.database(), """
        insert into session_events (session_id, version, type, participant_id, payload)
        select ?::uuid, 1 + n, 'chat', ?::uuid, jsonb_build_object('id', gen_random_uuid(), 'text', 'line ' || n, 'at', '2025-03-01T10:00:00Z')
          from generate_series(1, ?) as n""", id, grace, Room.MAX_CHAT_LINES);

    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, id);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("participantId", grace));
      assertThat(cand.await("welcome").get("chat")).hasSize(Room.MAX_CHAT_LINES);
      for (RoomClient who : new RoomClient[] {cand, staff}) {
        String lineId = UUID.randomUUID().toString();
        who.send(who.json("chat").put("id", lineId).put("text", "one more"));
        JsonNode refusal = who.await("error");
        assertThat(refusal.get("code").asText()).isEqualTo("chat_full");
        assertThat(refusal.get("id").asText()).isEqualTo(lineId);
        assertThat(refusal.get("message").asText()).startsWith("This session's chat is full: it keeps at most 3000 messages.");
      }
      staff.send(staff.json("note").put("id", UUID.randomUUID().toString()).put("text", "Still taking notes"));
      assertThat(staff.await("note").get("note").get("text").asText()).isEqualTo("Still taking notes");
    }
    assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and type = 'chat'", id))
        .isEqualTo((long) Room.MAX_CHAT_LINES);
    assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and payload->>'text' = 'one more'", id))
        .isEqualTo(0L);
  }
}
