package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A question the organisation wrote is asked in a session through the live protocol, then edited
 * and then removed from the bank: the session's transcript and exports still have the prompt,
 * reference answer and key points it asked, and the room of a session planned before the removal
 * still opens with it.
 */
class ASessionKeepsTheQuestionItAskedAfterTheQuestionIsEditedOrRemovedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theTranscriptHasWhatWasAskedNotWhatTheBankSaysNow() {
    Interviewer ada = Interviewer.signUp(server, "Keeps Its Word Org");
    Map<String, Object> draft = Map.of("prompt", "What does `yield from` delegate to?", "answer", "To a subgenerator.",
        "topic", "Generators drill", "difficulty", "intermediate", "keyPoints", List.of("A subgenerator", "send and throw pass through"));
    String question = Http.post(server.baseUrl() + "/api/questions", draft, ada.cookie()).json().get("id").asText();
    Map<String, Object> plan = Map.of("title", "Asked then changed", "candidateName", "Kay", "plan", List.of(Map.of("questionId", question)));
    String asked = Http.post(server.baseUrl() + "/api/sessions", plan, ada.cookie()).json().get("id").asText();
    String planned = Http.post(server.baseUrl() + "/api/sessions", plan, ada.cookie()).json().get("id").asText();

    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + asked, ada.cookie())) {
      staff.hello();
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      staff.await("question", q -> q.get("question").get("prompt").asText().equals("What does `yield from` delegate to?"));
      staff.send(staff.json("end"));
      staff.await("ended");
    }

    Map<String, Object> edited = Map.of("prompt", "Rewritten prompt", "answer", "Rewritten answer", "topic", "Generators drill",
        "difficulty", "advanced", "keyPoints", List.of("Rewritten point"));
    assertThat(Http.put(server.baseUrl() + "/api/questions/" + question, edited, ada.cookie()).status()).isEqualTo(200);
    assertThat(Http.delete(server.baseUrl() + "/api/questions/" + question, ada.cookie()).status()).isEqualTo(204);

    JsonNode transcript = Http.get(server.baseUrl() + "/api/review/sessions/" + asked, ada.cookie()).json();
    JsonNode q = transcript.get("questions").get(0);
    assertThat(q.get("prompt").asText()).isEqualTo("What does `yield from` delegate to?");
    assertThat(q.get("referenceAnswer").asText()).isEqualTo("To a subgenerator.");
    assertThat(q.get("keyPoints")).extracting(JsonNode::asText).containsExactly("A subgenerator", "send and throw pass through");
    String markdown = Http.get(server.baseUrl() + "/api/review/sessions/" + asked + "/export.md", ada.cookie()).body();
    assertThat(markdown).contains("What does `yield from` delegate to?").doesNotContain("Rewritten prompt");

    // A session planned before the removal still opens, and its plan has the question (as edited:
    // it was not asked yet, so it asks what the question says now).
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + planned, ada.cookie())) {
      JsonNode welcome = staff.hello();
      assertThat(welcome.toString()).contains("Rewritten prompt");
    }
  }
}
