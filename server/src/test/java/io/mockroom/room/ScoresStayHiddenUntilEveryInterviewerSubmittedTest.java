package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoresStayHiddenUntilEveryInterviewerSubmittedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void twoInterviewersScoreIndependentlyAndSeeEachOtherOnlyAfterBothSubmitted() {
    Interviewer ada = Interviewer.signUp(server, "Scoring Org");
    String token = Http.post(server.baseUrl() + "/api/invitations", "{}", ada.cookie()).json().get("token").asText();
    Http.Reply bob = Http.post(server.baseUrl() + "/api/auth/signup",
        Map.of("invitation", token, "name", "Bob", "email", "bob-" + System.nanoTime() + "@example.com", "password", "a long password"), null);
    JsonNode session = ada.createSession("Scored", "Grace", 1);
    String id = session.get("id").asText();
    Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", bob.json().get("account").get("email").asText(), "role", "interviewer"), ada.cookie());

    try (RoomClient a = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, ada.cookie());
         RoomClient b = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + id, Interviewer.cookie(bob));
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      a.hello();
      b.send(b.json("hello"));
      assertThat(b.await("welcome").get("you").get("role").asText()).isEqualTo("interviewer");
      cand.send(cand.json("hello").put("name", "Grace"));
      cand.await("welcome");
      a.send(a.json("start"));
      a.send(a.json("push_question").put("planIndex", 0));
      String q = b.await("question").get("question").get("questionId").asText();
      cand.await("question");

      a.send(a.json("score").put("questionId", q).put("rubric", 3).set("keyPoints", a.json("x").arrayNode().add(0).add(1)));
      JsonNode aView = a.await("scoring").get("scoring");
      assertThat(aView.get("revealed").asBoolean()).isFalse();
      assertThat(aView.get("scores")).hasSize(1);
      assertThat(aView.get("scores").get(0).get("rubric").asInt()).isEqualTo(3);
      JsonNode bView = b.await("scoring").get("scoring");
      assertThat(bView.get("scores")).as("Bob does not see Ada's score").isEmpty();

      b.send(b.json("score").put("questionId", q).put("rubric", 2));
      assertThat(b.await("scoring", s -> s.get("scoring").get("scores").size() == 1).get("scoring").get("scores").get(0).get("rubric").asInt()).isEqualTo(2);
      b.send(b.json("hint").put("text", "Think about functools.wraps"));
      assertThat(a.await("scoring", s -> s.get("scoring").get("hints").size() == 1).get("scoring").get("scores")).hasSize(1);

      a.send(a.json("recommend").put("recommendation", "yes").put("summary", "Solid").put("submit", true));
      JsonNode afterA = b.await("scoring", s -> s.get("scoring").get("recommendations").size() <= 1 && s.get("seq").asLong() > 0);
      assertThat(afterA.get("scoring").get("revealed").asBoolean()).isFalse();
      a.send(a.json("recommend").put("recommendation", "no").put("submit", true));
      assertThat(a.await("error").get("code").asText()).isEqualTo("already_submitted");

      b.send(b.json("recommend").put("recommendation", "strong_yes").put("summary", "Great").put("submit", true));
      JsonNode revealed = a.await("scoring", s -> s.get("scoring").get("revealed").asBoolean()).get("scoring");
      assertThat(revealed.get("scores")).hasSize(2);
      assertThat(revealed.get("recommendations").findValuesAsText("recommendation")).containsExactlyInAnyOrder("yes", "strong_yes");

      cand.send(cand.json("score").put("questionId", q).put("rubric", 4));
      assertThat(cand.await("error").get("code").asText()).isEqualTo("forbidden");
      cand.send(cand.json("ping").put("t", 7));
      cand.await("pong");
      String everything = String.join("\n", cand.frames());
      assertThat(everything).doesNotContain("scoring").doesNotContain("functools.wraps").doesNotContain("strong_yes").doesNotContain("Solid");
    }
    assertThat((Long) Sql.one(server.database(), "select count(*) from scores where session_id = ?::uuid", id)).isEqualTo(2L);
    assertThat((Long) Sql.one(server.database(), "select count(*) from recommendations where session_id = ?::uuid and submitted_at is not null", id)).isEqualTo(2L);
    assertThat((Long) Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and type in ('score','hint','recommendation')", id)).isEqualTo(5L);
  }
}
