package io.mockroom.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CandidateHistoryAndQuestionStatisticsTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static String firstQuestion;

  @BeforeAll
  static void twoSessionsWithOneCandidate() {
    ada = Interviewer.signUp(server, "History Org");
    JsonNode bank = Http.get(server.baseUrl() + "/api/questions?pageSize=3", ada.cookie()).json().get("items");
    firstQuestion = bank.get(0).get("id").asText();
    interview(List.of(firstQuestion, bank.get(1).get("id").asText()), "mary@example.com", 2);
    interview(List.of(firstQuestion), null, 4); // linked to the candidate by hand afterwards
  }

  static void interview(List<String> questions, String email, int rubric) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "History", "candidateName", "Mary Jackson",
        "plan", questions.stream().map(q -> Map.of("questionId", q)).toList()));
    if (email != null) body.put("candidateEmail", email);
    JsonNode session = Http.post(server.baseUrl() + "/api/sessions", body, ada.cookie()).json();
    String id = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
      staff.hello();
      staff.send(staff.json("start"));
      for (int i = 0; i < questions.size(); i++) {
        staff.send(staff.json("push_question").put("planIndex", i));
        int index = i;
        staff.await("question", q -> q.get("question").get("planIndex").asInt() == index);
        staff.send(staff.json("score").put("questionId", questions.get(i)).put("rubric", rubric).set("keyPoints", Json.MAPPER.createArrayNode()));
        staff.await("scoring");
      }
      staff.send(staff.json("end"));
      staff.await("ended");
    }
    if (email == null) {
      Http.Reply linked = Http.post(server.baseUrl() + "/api/sessions/" + id + "/candidate", Map.of("email", "Mary@Example.com"), ada.cookie());
      assertThat(linked.status()).isEqualTo(200);
    }
  }

  @Test
  void theBankShowsHowOftenAQuestionWasAskedAndItsAverageScoreToTheOrganisationOnly() {
    JsonNode top = Http.get(server.baseUrl() + "/api/questions?sort=asked&pageSize=5", ada.cookie()).json().get("items").get(0);
    assertThat(top.get("id").asText()).isEqualTo(firstQuestion);
    assertThat(top.get("asked").asInt()).isEqualTo(2);
    assertThat(top.get("averageRubric").asDouble()).isEqualTo(3.0);
    Interviewer other = Interviewer.signUp(server, "Other History Org");
    JsonNode theirs = Http.get(server.baseUrl() + "/api/questions?sort=asked&pageSize=5", other.cookie()).json().get("items").get(0);
    assertThat(theirs.get("asked").asInt()).isZero();
    assertThat(Http.get(server.baseUrl() + "/api/questions?sort=popularity", ada.cookie()).status()).isEqualTo(400);
  }

  @Test
  void theBankLeavesOutWhatACandidateWasAlreadyAskedInThisOrganisation() {
    JsonNode seen = Http.get(server.baseUrl() + "/api/review/candidates?email=mary@example.com", ada.cookie()).json().get("seen");
    List<String> asked = seen.findValuesAsText("questionId");
    assertThat(asked).hasSize(2);
    long all = Http.get(server.baseUrl() + "/api/questions", ada.cookie()).json().get("total").asLong();
    JsonNode fresh = Http.get(server.baseUrl() + "/api/questions?pageSize=100&notAskedTo=MARY@example.com", ada.cookie()).json();
    assertThat(fresh.get("total").asLong()).as("the email matched regardless of case").isEqualTo(all - 2);
    for (int page = 1; page <= (all + 99) / 100; page++) {
      JsonNode p = Http.get(server.baseUrl() + "/api/questions?pageSize=100&notAskedTo=mary@example.com&page=" + page, ada.cookie()).json();
      p.get("items").forEach(q -> assertThat(asked).doesNotContain(q.get("id").asText()));
    }
    // Another organisation never asked her anything.
    Interviewer other = Interviewer.signUp(server, "Fresh Eyes Org");
    long theirs = Http.get(server.baseUrl() + "/api/questions?notAskedTo=mary@example.com", other.cookie()).json().get("total").asLong();
    assertThat(theirs).isEqualTo(Http.get(server.baseUrl() + "/api/questions", other.cookie()).json().get("total").asLong());
  }

  @Test
  void theCandidatesHistoryHasEverySessionTheirTopicScoresAndWhatTheyWereAsked() {
    JsonNode h = Http.get(server.baseUrl() + "/api/review/candidates?email=mary@example.com", ada.cookie()).json();
    assertThat(h.get("sessions")).hasSize(2);
    assertThat(h.get("topicScores").size()).isGreaterThanOrEqualTo(2);
    assertThat(h.get("topicScores").get(0).get("averageRubric").asDouble()).isBetween(1.0, 4.0);
    assertThat(h.get("seen").findValuesAsText("questionId")).contains(firstQuestion).hasSize(2);
    Interviewer other = Interviewer.signUp(server, "Nosy Org");
    JsonNode theirs = Http.get(server.baseUrl() + "/api/review/candidates?email=mary@example.com", other.cookie()).json();
    assertThat(theirs.get("sessions")).isEmpty();
    assertThat(theirs.get("seen")).isEmpty();
    assertThat(Http.get(server.baseUrl() + "/api/review/candidates?email=mary@example.com").status()).isEqualTo(401);
    assertThat(Http.get(server.baseUrl() + "/api/review/candidates", ada.cookie()).status()).isEqualTo(400);
  }
}
