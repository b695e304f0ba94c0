package io.mockroom.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interviewers score blind: in the room each sees only their own scores until everyone who scored
 * has submitted. Review must not undo that — an audit found Bob's hidden score and draft in the
 * review page, the dashboard, the scores CSV, the candidate's history and the bank's averages of a
 * live session. Until the room shows them (all submitted, or the session ended), none of those
 * shows any score or recommendation of the session; then all of them do.
 */
class ReviewKeepsScoresBlindUntilTheRoomShowsThemTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void aLiveSessionsScoresAppearInReviewOnlyOnceEveryoneSubmitted() {
    Interviewer ada = Interviewer.signUp(server, "Blind Org");
    Interviewer bob = ada.colleague("Bob Brown");
    JsonNode session = ada.createSession("Blind", "Zoe", 1);
    String id = session.get("id").asText();
    String q = session.get("plan").get(0).get("questionId").asText();
    Http.post(server.baseUrl() + "/api/sessions/" + id + "/candidate", Map.of("email", "zoe@example.com"), ada.cookie());
    Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", bob.account().get("email").asText(), "role", "interviewer"), ada.cookie());

    try (RoomClient a = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
         RoomClient b = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, bob.cookie())) {
      a.hello();
      b.hello();
      a.send(a.json("start"));
      a.send(a.json("push_question").put("planIndex", 0));
      assertThat(b.await("question").get("question").get("questionId").asText()).isEqualTo(q);

      b.send(b.json("score").put("questionId", q).put("rubric", 1));
      b.send(b.json("recommend").put("recommendation", "strong_no").put("summary", "Bob's secret draft"));
      b.await("scoring", s -> s.get("scoring").get("recommendations").size() == 1);
      a.send(a.json("score").put("questionId", q).put("rubric", 3));
      a.await("scoring", s -> s.get("scoring").get("scores").size() == 1);

      // Ada (and anyone of the organisation) reads review now: nothing of either's scores.
      JsonNode t = transcript(id, ada);
      assertThat(t.get("session").get("scoresOpen").asBoolean()).isFalse();
      assertThat(t.get("scores")).isEmpty();
      assertThat(t.get("recommendations")).isEmpty();
      assertThat(t.get("timeline").findValuesAsText("type")).doesNotContain("score", "recommendation");
      String markdown = Http.get(server.baseUrl() + "/api/review/sessions/" + id + "/export.md", ada.cookie()).body();
      assertThat(markdown).doesNotContain("Bob's secret draft").doesNotContain("Strong no")
          .contains("Scores and recommendations are shown once every interviewer who scored has submitted");
      JsonNode row = dashboardRow(id, ada);
      assertThat(row.get("status").asText()).isEqualTo("live");
      assertThat(row.get("durationSeconds").isNull()).as("a live session has no duration yet (it is not 'the longest')").isTrue();
      assertThat(row.get("averageRubric").isNull()).isTrue();
      assertThat(row.get("recommendations")).isEmpty();
      assertThat(row.get("questions").get(0).get("averageRubric").isNull()).isTrue();
      assertThat(Http.get(server.baseUrl() + "/api/review/scores.csv", ada.cookie()).body()).doesNotContain(id);
      assertThat(Http.get(server.baseUrl() + "/api/review/candidates?email=zoe@example.com", ada.cookie()).json().get("topicScores")).isEmpty();
      assertThat(bankAverage(q, ada).isNull()).isTrue();

      // Both submit: the room reveals, and so does review.
      a.send(a.json("recommend").put("recommendation", "yes").put("submit", true));
      b.send(b.json("recommend").put("recommendation", "strong_no").put("summary", "Bob's secret draft").put("submit", true));
      a.await("scoring", s -> s.get("scoring").get("revealed").asBoolean());
    }
    // The scores and recommendations tables the review reads are the room's projections, written
    // just after the commit that the room's reveal follows: review opens a moment later at most.
    JsonNode t = transcript(id, ada);
    for (long deadline = System.nanoTime() + 10_000_000_000L; !t.get("session").get("scoresOpen").asBoolean(); t = transcript(id, ada)) {
      assertThat(System.nanoTime()).as("review never opened the scores").isLessThan(deadline);
    }
    assertThat(t.get("scores")).hasSize(2);
    assertThat(t.get("recommendations").findValuesAsText("summary")).contains("Bob's secret draft");
    assertThat(dashboardRow(id, ada).get("averageRubric").asDouble()).isEqualTo(2.0);
    assertThat(Http.get(server.baseUrl() + "/api/review/scores.csv", ada.cookie()).body()).contains(id);
    assertThat(Http.get(server.baseUrl() + "/api/review/candidates?email=zoe@example.com", ada.cookie()).json().get("topicScores")).hasSize(1);
    assertThat(bankAverage(q, ada).asDouble()).isEqualTo(2.0);
  }

  @Test
  void anEndedSessionShowsWhateverWasScored() {
    Interviewer ada = Interviewer.signUp(server, "Ended Org");
    JsonNode session = ada.createSession("Ended early", "Yuri", 1);
    String id = session.get("id").asText();
    try (RoomClient a = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie())) {
      a.hello();
      a.send(a.json("start"));
      a.send(a.json("push_question").put("planIndex", 0));
      String q = a.await("question").get("question").get("questionId").asText();
      a.send(a.json("score").put("questionId", q).put("rubric", 4));
      a.await("scoring", s -> s.get("scoring").get("scores").size() == 1);
      assertThat(transcript(id, ada).get("scores")).as("a draft-only session is blind while live").isEmpty();
      a.send(a.json("end"));
      a.await("ended");
    }
    JsonNode t = transcript(id, ada);
    assertThat(t.get("session").get("scoresOpen").asBoolean()).isTrue();
    assertThat(t.get("scores")).hasSize(1);
  }

  static JsonNode transcript(String id, Interviewer who) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/review/sessions/" + id, who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode dashboardRow(String id, Interviewer who) {
    for (JsonNode row : Http.get(server.baseUrl() + "/api/review/sessions", who.cookie()).json().get("items")) {
      if (row.get("id").asText().equals(id)) return row;
    }
    throw new AssertionError("session " + id + " not on the dashboard");
  }

  static JsonNode bankAverage(String question, Interviewer who) {
    for (JsonNode item : Http.get(server.baseUrl() + "/api/questions?sort=score&pageSize=100", who.cookie()).json().get("items")) {
      if (item.get("id").asText().equals(question)) return item.get("averageRubric");
    }
    throw new AssertionError("question " + question + " not among the first 100 by score");
  }
}
