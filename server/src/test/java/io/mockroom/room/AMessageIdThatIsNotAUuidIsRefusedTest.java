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
 * A message's {@code id} is a UUID in its 36-character form, or absent: anything else is a bad
 * message ({@code invalid_message}, naming no id, as it has none), and nothing of it is applied.
 * Java's UUID parser alone would take "1-2-3-4-5"; the room does not. A UUID in capitals is the
 * same id, stored and confirmed in the usual lower case.
 */
class AMessageIdThatIsNotAUuidIsRefusedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void idsThatAreNotUuidsAreBadMessagesAndNothingIsApplied() {
    Interviewer ada = Interviewer.signUp(server, "Ids Ltd");
    String sessionId = ada.createSession("Ids", "Grace", 1).get("id").asText();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId)) {
      String[] bad = {"42", "\"\"", "\"not-an-id\"", "\"1-2-3-4-5\"", "\"" + UUID.randomUUID() + "x\"",
          "\"{" + UUID.randomUUID() + "}\"", "{\"id\":1}", "[\"" + UUID.randomUUID() + "\"]", "true"};
      for (String type : new String[] {"chat", "note", "hint"}) {
        for (String id : bad) {
          String frame = "{\"type\":\"" + type + "\",\"id\":" + id + ",\"text\":\"bad id\"}";
          staff.send(frame);
          JsonNode error = staff.await("error");
          assertThat(error.get("code").asText()).as(frame).isEqualTo("invalid_message");
          assertThat(error.get("message").asText()).as(frame).contains("\"id\"");
          assertThat(error.has("id")).as(frame).isFalse();
        }
      }
      staff.send("{\"type\":\"score\",\"id\":\"nope\",\"questionId\":\"" + UUID.randomUUID() + "\",\"rubric\":2}");
      assertThat(staff.await("error").get("code").asText()).isEqualTo("invalid_message");
      staff.send("{\"type\":\"recommend\",\"id\":7,\"recommendation\":\"yes\"}");
      assertThat(staff.await("error").get("code").asText()).isEqualTo("invalid_message");

      // A UUID in capitals is a UUID; null is no id at all.
      String id = UUID.randomUUID().toString();
      staff.send("{\"type\":\"chat\",\"id\":\"" + id.toUpperCase() + "\",\"text\":\"good id\"}");
      assertThat(staff.await("chat").get("chat").get("id").asText()).isEqualTo(id);
      staff.send("{\"type\":\"chat\",\"id\":null,\"text\":\"no id\"}");
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo("no id");
    }
    assertThat(Sql.rows(server.database(), "select payload ->> 'text' as t from session_events where session_id = ?::uuid"
        + " and type in ('chat', 'note', 'hint', 'score', 'recommendation') order by version", sessionId))
        .extracting(r -> r.get("t")).containsExactly("good id", "no id");
  }
}
