package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser keeps a message until it is confirmed; a refusal that would come again (too long,
 * not allowed, a field it cannot read, already submitted) must reach it by the message's id, or
 * it would resend that message for ever. Every such error carries the id of the message it
 * answers — decoding errors of its other fields too — and a message without an id gets the error
 * as before, without one.
 */
class ARefusedMessageIsNamedByItsIdTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void everyErrorAnsweringAMessageWithAnIdCarriesIt() {
    Interviewer ada = Interviewer.signUp(server, "Refusals Ltd");
    JsonNode session = ada.createSession("Refusals", "Grace", 1);
    String sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, sessionId);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", "Grace"));
      cand.await("welcome");

      refused(cand, "too_long", id -> cand.json("chat").put("id", id).put("text", "x".repeat(Room.MAX_CHAT + 1)));
      refused(cand, "invalid_message", id -> cand.json("chat").put("id", id).put("text", "   "));
      refused(cand, "invalid_message", id -> cand.json("chat").put("id", id).put("text", 42));
      refused(cand, "forbidden", id -> cand.json("note").put("id", id).put("text", "a candidate's note"));
      refused(cand, "forbidden", id -> cand.json("score").put("id", id).put("questionId", UUID.randomUUID().toString()).put("rubric", 4));
      refused(staff, "invalid_message", id -> staff.json("score").put("id", id).put("questionId", UUID.randomUUID().toString()).put("rubric", 9));
      refused(staff, "invalid_message", id -> staff.json("score").put("id", id).put("questionId", UUID.randomUUID().toString()).put("rubric", 2));
      refused(staff, "invalid_message", id -> staff.json("recommend").put("id", id).put("recommendation", "maybe"));
      refused(staff, "too_long", id -> staff.json("note").put("id", id).put("text", "n".repeat(StaffRecords.MAX_NOTE + 1)));
      staff.send(staff.json("recommend").put("id", UUID.randomUUID().toString()).put("recommendation", "yes").put("submit", true));
      staff.await("scoring", s -> s.has("id"));
      refused(staff, "already_submitted", id -> staff.json("recommend").put("id", id).put("recommendation", "no").put("submit", true));

      // Without an id, the same refusal names nothing.
      cand.send(cand.json("chat").put("text", "x".repeat(Room.MAX_CHAT + 1)));
      JsonNode plain = cand.await("error");
      assertThat(plain.get("code").asText()).isEqualTo("too_long");
      assertThat(plain.has("id")).isFalse();
    }
  }

  private static void refused(RoomClient c, String code, java.util.function.Function<String, JsonNode> message) {
    String id = UUID.randomUUID().toString();
    c.send(message.apply(id));
    JsonNode error = c.await("error");
    assertThat(error.get("code").asText()).as(error.toString()).isEqualTo(code);
    assertThat(error.path("id").asText()).as(error.toString()).isEqualTo(id);
  }
}
