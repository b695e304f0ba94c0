package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RefusedEvents;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database refuses one message (a trigger refuses a marker text): its author is told
 * {@code not_stored} naming that message's id — so the browser drops it rather than resend it to
 * be refused again — and the room reloads from the log, losing the messages sent right after it,
 * which were never confirmed. Sent again after the reconnect, each of those is applied once and
 * confirmed; sent once more, it is only confirmed again.
 */
class AMessageCaughtInARoomReloadIsAppliedOnceWhenSentAgainTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theRefusedMessageIsNamedAndTheOnesLostWithItAreAppliedOnceWhenSentAgain() {
    try (RefusedEvents refused = RefusedEvents.install(server.database())) {
      Interviewer ada = Interviewer.signUp(server, "Reloads Ltd");
      JsonNode session = ada.createSession("Reloaded", "Grace", 1);
      String sessionId = session.get("id").asText();
      String bad = UUID.randomUUID().toString();
      String note = UUID.randomUUID().toString();
      String chat = UUID.randomUUID().toString();
      try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId)) {
        // Back to back: the note and the chat line follow the refused note into the log, and fail with it.
        boolean sent = staff.sendAll(List.of(
            staff.json("note").put("id", bad).put("text", RefusedEvents.MARKER).toString(),
            staff.json("note").put("id", note).put("text", "Strong on generators").toString(),
            staff.json("chat").put("id", chat).put("text", "One moment please").toString()));
        assertThat(sent).isTrue();
        JsonNode error = staff.await("error");
        assertThat(error.get("code").asText()).isEqualTo("not_stored");
        assertThat(error.get("id").asText()).as("the refused message is named").isEqualTo(bad);
        assertThat(staff.awaitClosed()).isTrue();
        assertThat(staff.closeCode()).isEqualTo((short) 1012);
        assertThat(staff.frames()).noneMatch(f -> f.contains("\"type\":\"note\"") || f.contains("\"type\":\"chat\""));
      }
      try (RoomClient back = RoomClient.joinAsStaff(server, ada, sessionId)) {
        JsonNode welcome = back.frames().stream().map(AMessageCaughtInARoomReloadIsAppliedOnceWhenSentAgainTest::parse)
            .filter(f -> f.get("type").asText().equals("welcome")).findFirst().orElseThrow();
        assertThat(welcome.get("notes")).isEmpty();
        assertThat(welcome.get("chat")).isEmpty();
        for (int time = 0; time < 2; time++) {
          back.send(back.json("note").put("id", note).put("text", "Strong on generators"));
          assertThat(back.await("note").get("note").get("id").asText()).isEqualTo(note);
          back.send(back.json("chat").put("id", chat).put("text", "One moment please"));
          assertThat(back.await("chat").get("chat").get("id").asText()).isEqualTo(chat);
        }
      }
      assertThat(Sql.rows(server.database(),
              "select payload ->> 'id' as id from session_events where session_id = ?::uuid and type in ('note', 'chat') order by version",
              sessionId).stream().map(r -> r.get("id")).toList())
          .containsExactly(note, chat);
    }
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
