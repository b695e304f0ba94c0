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
 * A session keeps at most {@link StaffRecords#MAX_NOTES} notes and {@link StaffRecords#MAX_HINTS}
 * hints: once it holds them, one more is refused ({@code notes_full}, {@code hints_full}), naming
 * it, and nothing is stored or shown; the rest of the room goes on (a hint, a note, a chat line are
 * kept). The full notes or hints are written into the log directly, by a former observer; the room
 * loads them as they are.
 */
class ASessionsNotesAndHintsKeepAtMostTheirLimitTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aNoteBeyondTheLimitIsRefusedAndNothingIsKept() {
    Interviewer ada = Interviewer.signUp(server, "Noting Org");
    String id = sessionFilledWith(ada, "note", StaffRecords.MAX_NOTES);

    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
      assertThat(staff.hello().get("notes")).hasSize(StaffRecords.MAX_NOTES);
      String noteId = UUID.randomUUID().toString();
      staff.send(staff.json("note").put("id", noteId).put("text", "one more"));
      JsonNode refusal = staff.await("error");
      assertThat(refusal.get("code").asText()).isEqualTo("notes_full");
      assertThat(refusal.get("id").asText()).isEqualTo(noteId);
      assertThat(refusal.get("message").asText()).startsWith("This session's notes are full: it keeps at most 500 notes.");

      staff.send(staff.json("hint").put("text", "Still giving hints"));
      assertThat(staff.await("scoring").get("scoring").get("hints")).hasSize(1);
      staff.send(staff.json("chat").put("text", "Still chatting"));
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo("Still chatting");
    }
    assertThat(count(id, "note")).isEqualTo((long) StaffRecords.MAX_NOTES);
    assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and payload->>'text' = 'one more'", id))
        .isEqualTo(0L);
  }

  @Test
  void aHintBeyondTheLimitIsRefusedAndNothingIsKept() {
    Interviewer ada = Interviewer.signUp(server, "Hinting Org");
    String id = sessionFilledWith(ada, "hint", StaffRecords.MAX_HINTS);

    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
      assertThat(staff.hello().get("scoring").get("hints")).hasSize(StaffRecords.MAX_HINTS);
      String hintId = UUID.randomUUID().toString();
      staff.send(staff.json("hint").put("id", hintId).put("text", "one more"));
      JsonNode refusal = staff.await("error");
      assertThat(refusal.get("code").asText()).isEqualTo("hints_full");
      assertThat(refusal.get("id").asText()).isEqualTo(hintId);
      assertThat(refusal.get("message").asText()).startsWith("This session's hints are full: it keeps at most 200 hints.");

      staff.send(staff.json("note").put("text", "Still taking notes"));
      assertThat(staff.await("note").get("note").get("text").asText()).isEqualTo("Still taking notes");
    }
    assertThat(count(id, "hint")).isEqualTo((long) StaffRecords.MAX_HINTS);
    assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and payload->>'text' = 'one more'", id))
        .isEqualTo(0L);
  }

  /** A new session whose log holds a former observer who wrote {@code count} events of {@code type} (note or hint). */
  private static String sessionFilledWith(Interviewer ada, String type, int count) {
    String id = ada.createSession("Busy " + type + "s", "Grace", 1).get("id").asText();
    String olga = UUID.randomUUID().toString();
    Sql.execute(server.database(), "insert into session_events (session_id, version, type, participant_id, payload)"
        + " values (?::uuid, 1, 'joined', ?::uuid, jsonb_build_object('name', 'Olga', 'role', 'observer', 'accountId', ?::text))",
        id, olga, UUID.randomUUID().toString());
    Sql.execute(server.database(), """
        insert into session_events (session_id, version, type, participant_id, payload)
        select ?::uuid, 1 + n, ?::text, ?::uuid, jsonb_build_object('id', gen_random_uuid(), 'questionId', null,
                 'text', 'written ' || n, 'at', '2025-03-01T10:00:00Z')
          from generate_series(1, ?) as n""", id, type, olga, count);
    return id;
  }

  private static Object count(String sessionId, String type) {
    return Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and type = ?", sessionId, type);
  }
}
