package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuestionDetailShowsSourcesAndAlternatesTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aMergedQuestionListsEverySourceAndItsAlternates() {
    String cookie = Interviewer.signUp(server, "Sources Org").cookie();
    JsonNode items = Http.get(server.baseUrl() + "/api/questions?q=metaclass&pageSize=100", cookie).json().get("items");
    JsonNode merged = null;
    for (JsonNode i : items) if (i.get("sourceCount").asInt() > 1) merged = i;
    assertThat(merged).as("a metaclass question with several sources").isNotNull();

    JsonNode detail = Http.get(server.baseUrl() + "/api/questions/" + merged.get("id").asText(), cookie).json();
    assertThat(detail.get("id").asText()).isEqualTo(merged.get("id").asText());
    assertThat(detail.get("sources")).hasSize(merged.get("sourceCount").asInt());
    assertThat(detail.get("alternates").size()).isEqualTo(detail.get("sources").size() - 1);
    detail.get("alternates").forEach(a -> {
      assertThat(a.get("answer").asText()).isNotBlank();
      assertThat(a.get("source").get("file").asText()).endsWith(".txt");
    });
    assertThat(detail.get("answer").asText()).isNotBlank();
    assertThat(detail.get("keyPoints").size()).isBetween(2, 5);
    assertThat(detail.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(detail.get("author").isNull()).isTrue();
  }
}
