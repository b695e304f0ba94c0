package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorsAreJsonWithTheRightStatusTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "/api/questions/00000000-0000-0000-0000-000000000000 | 404 | not_found | No question with id",
      "/api/questions/not-a-uuid                           | 404 | not_found | No question with id 'not-a-uuid'",
      "/api/questions?difficulty=expert                    | 400 | bad_request | Difficulty 'expert' is not one of beginner, intermediate, advanced",
      "/api/questions?page=0                               | 400 | bad_request | 'page' must be between 1",
      "/api/questions?page=two                             | 400 | bad_request | 'page' must be a whole number",
      "/api/questions?pageSize=1000                        | 400 | bad_request | 'pageSize' must be between 1 and 100",
      "/api/questions?difficulty=beginner&difficulty=advanced | 400 | bad_request | given more than once",
      "/api/questions?difficuly=advanced                   | 400 | bad_request | Unknown filter 'difficuly'",
      "/api/nothing-here                                   | 404 | not_found | No API endpoint GET /api/nothing-here",
  })
  void badRequestsGetAClearJsonError(String path, int status, String code, String message) {
    Http.Reply r = Http.get(server.baseUrl() + path, server.reader().cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode error = r.json().get("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).contains(message);
  }

  @Test
  void aMethodAPathDoesNotTakeIsA405WithTheSameJsonShape() {
    Http.Reply r = Http.put(server.baseUrl() + "/health", "{}", null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.json().get("error").get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(r.json().get("error").get("message").asText()).isEqualTo("/health does not take PUT.");
  }

  @Test
  void searchTextLongerThanTheLimitIsRefused() {
    Http.Reply r = Http.get(server.baseUrl() + "/api/questions?q=" + "a".repeat(201), server.reader().cookie());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").get("message").asText()).contains("longer than 200");
  }
}
