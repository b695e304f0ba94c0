package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A candidate named "\u200B" showed as nobody in the room; a chat line of zero-width spaces as an empty line. */
class AnInvisibleNameOrChatLineIsRefusedAsEmptyTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aCandidateMustGiveAVisibleNameAndAChatLineMustShowSomething() {
    Interviewer ada = Interviewer.signUp(server, "Invisible Room Org");
    JsonNode session = ada.createSession("Invisible", "Ivy", 1);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, session.get("id").asText());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", "\u200B\u2060 \uFEFF"));
      JsonNode refused = cand.await("error");
      assertThat(refused.get("code").asText()).isEqualTo("invalid_message");
      assertThat(refused.get("message").asText()).isEqualTo("Please enter your name.");

      cand.send(cand.json("hello").put("name", "\u200BIvy"));
      assertThat(cand.await("welcome").get("you").get("name").asText()).isEqualTo("\u200BIvy");

      cand.send(cand.json("chat").put("text", "\u200B\u200D"));
      JsonNode empty = cand.await("error");
      assertThat(empty.get("code").asText()).isEqualTo("invalid_message");
      assertThat(empty.get("message").asText()).isEqualTo("A chat message cannot be empty.");
      cand.send(cand.json("chat").put("text", "hi \u200B"));
      assertThat(staff.await("chat").get("chat").get("text").asText()).isEqualTo("hi \u200B");
    }
  }
}
