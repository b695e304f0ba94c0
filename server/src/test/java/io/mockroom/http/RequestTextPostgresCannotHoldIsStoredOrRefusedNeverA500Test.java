package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Postgres text holds neither U+0000 nor half a surrogate pair. An audit got 500s from a NUL in a
 * sign-up's organisation, a session's title, a login's email and a search's {@code q}, and saw
 * a title "x\ud800y" stored as "x?y". In a JSON body both now become U+FFFD (as in rooms); in an
 * address a NUL is a 400. The request's types are strict too: a number is not a string.
 */
class RequestTextPostgresCannotHoldIsStoredOrRefusedNeverA500Test {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aNulOrHalfAnEmojiInABodyIsStoredAsAReplacementCharacter() {
    Interviewer ada = Interviewer.signUp(server, "Nul\u0000Org");
    assertThat(ada.account().get("organisationName").asText()).isEqualTo("Nul\uFFFDOrg");
    // Written as JSON escapes, as a browser's JSON.stringify writes them (Java's own encoder would send "?").
    Http.Reply created = Http.post(server.baseUrl() + "/api/sessions",
        "{\"title\":\"x\\ud800y and a\\u0000b\",\"candidateName\":\"Casey\"}", ada.cookie());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode session = Http.get(server.baseUrl() + "/api/sessions/" + created.json().get("id").asText(), ada.cookie()).json();
    assertThat(session.get("title").asText()).isEqualTo("x\uFFFDy and a\uFFFDb");
    Http.Reply login = Http.post(server.baseUrl() + "/api/auth/login", Map.of("email", "a\u0000@example.com", "password", "whatever it is"), null);
    assertThat(login.status()).as(login.body()).isEqualTo(401);
  }

  @Test
  void aNulInTheAddressIsABadRequest() {
    Interviewer ada = Interviewer.signUp(server, "Query Org");
    for (String path : new String[] {"/api/questions?q=%00", "/api/review/candidates?email=a%00@x.test", "/api/review/sessions?candidate=%00"}) {
      Http.Reply r = Http.get(server.baseUrl() + path, ada.cookie());
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("error").get("message").asText()).isEqualTo("The address cannot contain the character U+0000 (%00).");
    }
  }

  @Test
  void numbersAndTextAreNotTakenForEachOther() {
    Interviewer ada = Interviewer.signUp(server, "Types Org");
    String question = Http.get(server.baseUrl() + "/api/questions?pageSize=1", ada.cookie()).json().get("items").get(0).get("id").asText();
    Http.Reply fraction = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "T", "candidateName", "C",
        "plan", java.util.List.of(Map.of("questionId", question, "minutes", 2.7))), ada.cookie());
    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.json().get("error").get("message").asText()).isEqualTo("Field 'minutes' has the wrong type.");
    Http.Reply huge = Http.post(server.baseUrl() + "/api/sessions", "{\"title\":\"T\",\"candidateName\":\"C\",\"plan\":[{\"questionId\":\""
        + question + "\",\"minutes\":99999999999}]}", ada.cookie());
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.json().get("error").get("message").asText()).isEqualTo("A number in the request body is too large.");
    Http.Reply number = Http.post(server.baseUrl() + "/api/auth/login", Map.of("email", 5, "password", "whatever it is"), null);
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.json().get("error").get("message").asText()).isEqualTo("Field 'email' has the wrong type.");
  }
}
