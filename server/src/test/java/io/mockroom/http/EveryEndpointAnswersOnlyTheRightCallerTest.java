package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorization matrix: every endpoint × (anonymous, a candidate's token used as a login
 * cookie, an account of another organisation, the right account) → the expected status.
 */
class EveryEndpointAnswersOnlyTheRightCallerTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer owner;
  static Interviewer stranger;
  static JsonNode session;
  static String ownQuestion;

  @BeforeAll
  static void start() {
    owner = Interviewer.signUp(server, "Matrix Org");
    stranger = Interviewer.signUp(server, "Other Org");
    session = owner.createSession("Matrix", "Ida", 1);
    ownQuestion = Http.post(server.baseUrl() + "/api/questions", draft(), owner.cookie()).json().get("id").asText();
  }

  static Map<String, Object> draft() {
    return Map.of("prompt", "What is a closure?", "answer", "", "topic", "Functions", "difficulty", "beginner",
        "keyPoints", List.of("Captures variables"));
  }

  record Case(String method, String path, Object body, int anonymous, int candidate, int otherOrg, int right) {}

  @Test
  void everyEndpointAndEveryCaller() {
    String id = session.get("id").asText();
    String token = Interviewer.token(session);
    String doomed = owner.createSession("Doomed", "Dee", 1).get("id").asText();
    String question = Http.get(server.baseUrl() + "/api/questions?pageSize=1", owner.cookie()).json().get("items").get(0).get("id").asText();
    List<Case> cases = List.of(
        new Case("GET", "/health", null, 200, 200, 200, 200),
        new Case("GET", "/api/questions", null, 401, 401, 200, 200),
        new Case("GET", "/api/questions/" + question, null, 401, 401, 200, 200),
        new Case("GET", "/api/topics", null, 401, 401, 200, 200),
        new Case("GET", "/api/questions/" + ownQuestion, null, 401, 401, 404, 200),
        new Case("GET", "/api/questions?notAskedTo=ida@example.com", null, 401, 401, 200, 200),
        new Case("POST", "/api/questions", draft(), 401, 401, 201, 201),
        new Case("PUT", "/api/questions/" + ownQuestion, draft(), 401, 401, 404, 200),
        new Case("GET", "/api/questions/export?format=json", null, 401, 401, 200, 200),
        new Case("GET", "/api/questions/export?format=md", null, 401, 401, 200, 200),
        new Case("POST", "/api/questions/import?dryRun=true", List.of(draft()), 401, 401, 200, 200),
        new Case("GET", "/api/practice", null, 401, 401, 200, 200),
        new Case("DELETE", "/api/practice", null, 401, 401, 200, 200),
        new Case("GET", "/api/sources", null, 401, 401, 200, 200),
        new Case("GET", "/api/auth/me", null, 401, 401, 200, 200),
        new Case("POST", "/api/invitations", "{}", 401, 401, 201, 201),
        new Case("GET", "/api/sessions", null, 401, 401, 200, 200),
        new Case("GET", "/api/sessions/" + id, null, 401, 401, 404, 200),
        new Case("POST", "/api/sessions", Map.of("title", "T", "candidateName", "C"), 401, 401, 201, 201),
        new Case("POST", "/api/sessions/" + id + "/members", Map.of("email", "nobody@example.com"), 401, 401, 404, 404),
        new Case("POST", "/api/sessions/" + id + "/candidate", Map.of("email", "ida@example.com"), 401, 401, 404, 200),
        new Case("DELETE", "/api/sessions/" + doomed, null, 401, 401, 404, 204), // the right account deletes it last
        new Case("GET", "/api/join/" + token, null, 200, 200, 200, 200),
        new Case("GET", "/api/review/sessions", null, 401, 401, 200, 200),
        new Case("GET", "/api/review/sessions/" + id, null, 401, 401, 404, 200),
        new Case("GET", "/api/review/sessions/" + id + "/export.json", null, 401, 401, 404, 200),
        new Case("GET", "/api/review/sessions/" + id + "/export.md", null, 401, 401, 404, 200),
        new Case("GET", "/api/review/scores.csv", null, 401, 401, 200, 200),
        new Case("GET", "/api/review/candidates?email=ida@example.com", null, 401, 401, 200, 200),
        new Case("DELETE", "/api/review/candidates?email=nobody.here@example.com", null, 401, 401, 200, 200),
        new Case("GET", "/metrics", null, 200, 200, 200, 200),
        new Case("DELETE", "/api/questions/" + ownQuestion, null, 401, 401, 404, 204)); // last: it removes the question
    String[] callers = {null, "mockroom_session=" + token, stranger.cookie(), owner.cookie()};
    String[] names = {"anonymous", "candidate token", "other organisation", "right account"};
    for (Case c : cases) {
      int[] expected = {c.anonymous(), c.candidate(), c.otherOrg(), c.right()};
      for (int k = 0; k < callers.length; k++) {
        Http.Reply r = switch (c.method()) {
          case "GET" -> Http.get(server.baseUrl() + c.path(), callers[k]);
          case "PUT" -> Http.put(server.baseUrl() + c.path(), c.body(), callers[k]);
          case "DELETE" -> Http.delete(server.baseUrl() + c.path(), callers[k]);
          default -> Http.post(server.baseUrl() + c.path(), c.body(), callers[k]);
        };
        assertThat(r.status()).as("%s %s as %s: %s", c.method(), c.path(), names[k], r.body()).isEqualTo(expected[k]);
      }
    }
  }
}
