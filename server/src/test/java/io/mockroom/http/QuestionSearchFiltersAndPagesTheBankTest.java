package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuestionSearchFiltersAndPagesTheBankTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  private static JsonNode get(String query) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/questions" + query, server.reader().cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void pagesCoverEveryQuestionExactlyOnce() {
    JsonNode first = get("?pageSize=50");
    long total = first.get("total").asLong();
    assertThat(total).isGreaterThan(100);
    Set<String> ids = new HashSet<>();
    int pages = (int) ((total + 49) / 50);
    for (int p = 1; p <= pages; p++) {
      JsonNode page = get("?pageSize=50&page=" + p);
      assertThat(page.get("page").asInt()).isEqualTo(p);
      assertThat(page.get("total").asLong()).isEqualTo(total);
      page.get("items").forEach(i -> assertThat(ids.add(i.get("id").asText())).as("duplicate " + i).isTrue());
    }
    assertThat(ids).hasSize((int) total);
  }

  @Test
  void aPagePastTheEndIsEmptyButKeepsTheTotal() {
    long total = get("").get("total").asLong();
    JsonNode past = get("?page=999&pageSize=100");
    assertThat(past.get("items")).isEmpty();
    assertThat(past.get("total").asLong()).isEqualTo(total);
  }

  @Test
  void difficultyFilterReturnsOnlyThatDifficulty() {
    JsonNode advanced = get("?difficulty=advanced&pageSize=100");
    assertThat(advanced.get("total").asLong()).isPositive();
    advanced.get("items").forEach(i -> assertThat(i.get("difficulty").asText()).isEqualTo("advanced"));
    long sum = 0;
    for (String d : new String[] {"beginner", "intermediate", "advanced"}) sum += get("?difficulty=" + d).get("total").asLong();
    assertThat(sum).isEqualTo(get("").get("total").asLong());
  }

  @Test
  void topicFilterMatchesTheTopicCounts() {
    JsonNode topics = Http.get(server.baseUrl() + "/api/topics", server.reader().cookie()).json().get("topics");
    assertThat(topics.size()).isGreaterThan(3);
    long sum = 0;
    for (JsonNode t : topics) {
      String topic = t.get("topic").asText();
      JsonNode page = get("?pageSize=100&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
      assertThat(page.get("total").asLong()).as(topic).isEqualTo(t.get("count").asLong());
      page.get("items").forEach(i -> assertThat(i.get("topic").asText()).isEqualTo(topic));
      sum += t.get("count").asLong();
    }
    assertThat(sum).isEqualTo(get("").get("total").asLong());
  }

  @Test
  void textSearchFindsPromptsContainingTheWordFirst() {
    JsonNode found = get("?q=metaclass&pageSize=100");
    assertThat(found.get("total").asLong()).isPositive();
    assertThat(found.get("items").get(0).get("prompt").asText().toLowerCase()).contains("metaclass");
    JsonNode none = get("?q=" + URLEncoder.encode("zebra-unicorn-quux", StandardCharsets.UTF_8));
    assertThat(none.get("total").asLong()).isZero();
  }

  @Test
  void textSearchMatchesTheStartsOfWordsAsPeopleTypeThem() {
    // "dict" is the start of "dictionaries"; whole-word search found nothing for this.
    JsonNode found = get("?q=dict+merge&pageSize=100");
    assertThat(found.get("items").findValuesAsText("prompt")).anySatisfy(p -> assertThat(p).contains("merge two dictionaries"));
    assertThat(get("?q=dict+zqxvw").get("total").asLong()).as("every word must match the start of a word").isZero();
    assertThat(get("?q=%3A*+%26+!+(").get("total").asLong()).as("tsquery syntax is only text").isZero();
  }

  @Test
  void textSearchTreatsLikeWildcardsAsText() {
    assertThat(get("?q=%25%25%25").get("total").asLong()).isZero();
    assertThat(get("?q=___").get("total").asLong()).isZero();
  }

  @Test
  void sourceFilterReturnsOnlyQuestionsFromThatFile() {
    JsonNode sources = Http.get(server.baseUrl() + "/api/sources", server.reader().cookie()).json().get("sources");
    assertThat(sources).hasSize(5);
    for (JsonNode s : sources) {
      String file = s.get("file").asText();
      JsonNode page = get("?pageSize=100&source=" + file);
      assertThat(page.get("total").asLong()).as(file).isEqualTo(s.get("count").asLong());
      JsonNode firstDetail = Http.get(server.baseUrl() + "/api/questions/" + page.get("items").get(0).get("id").asText(), server.reader().cookie()).json();
      assertThat(firstDetail.get("sources").findValuesAsText("file")).contains(file);
    }
  }
}
