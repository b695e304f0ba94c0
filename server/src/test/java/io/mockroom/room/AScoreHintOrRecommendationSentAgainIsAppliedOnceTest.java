package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hints, scores and recommendations are confirmed by the {@code scoring} their author's sockets
 * get after the commit, carrying the message's id. Sent again with the same id they are not
 * applied again: an old score sent again does not overwrite the newer one, a hint is logged once,
 * and a submitted recommendation sent again is confirmed, not refused as already submitted. The
 * author's colleague gets the scorings without anyone's id.
 */
class AScoreHintOrRecommendationSentAgainIsAppliedOnceTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void eachIsConfirmedByItsIdAndAppliedOnce() {
    Interviewer ada = Interviewer.signUp(server, "Scores Once Ltd");
    Interviewer bob = ada.colleague("Bob");
    JsonNode session = ada.createSession("Scored once", "Grace", 1);
    String sessionId = session.get("id").asText();
    Http.post(server.baseUrl() + "/api/sessions/" + sessionId + "/members",
        Map.of("email", bob.account().get("email").asText(), "role", "interviewer"), ada.cookie());
    try (RoomClient a = RoomClient.joinAsStaff(server, ada, sessionId);
         RoomClient b = RoomClient.joinAsStaff(server, bob, sessionId)) {
      a.send(a.json("start"));
      a.send(a.json("push_question").put("planIndex", 0));
      String q = a.await("question").get("question").get("questionId").asText();

      String older = UUID.randomUUID().toString();
      String newer = UUID.randomUUID().toString();
      a.send(a.json("score").put("id", older).put("questionId", q).put("rubric", 2));
      assertThat(rubric(confirmation(a, older))).isEqualTo(2);
      a.send(a.json("score").put("id", newer).put("questionId", q).put("rubric", 3));
      assertThat(rubric(confirmation(a, newer))).isEqualTo(3);
      // The older score again (its confirmation was lost, say): confirmed, and the newer one stands.
      a.send(a.json("score").put("id", older).put("questionId", q).put("rubric", 2));
      assertThat(rubric(confirmation(a, older))).isEqualTo(3);

      String hint = UUID.randomUUID().toString();
      for (int time = 0; time < 2; time++) {
        a.send(a.json("hint").put("id", hint).put("questionId", q).put("text", "Think of functools.wraps"));
        JsonNode hints = confirmation(a, hint).get("hints");
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).get("id").asText()).as("the hint is stored under its id").isEqualTo(hint);
      }

      String submit = UUID.randomUUID().toString();
      for (int time = 0; time < 2; time++) {
        a.send(a.json("recommend").put("id", submit).put("recommendation", "yes").put("summary", "Solid").put("submit", true));
        JsonNode mine = confirmation(a, submit).get("recommendations").get(0);
        assertThat(mine.get("submitted").asBoolean()).isTrue();
      }
      a.send(a.json("ping").put("t", 1));
      a.await("pong");
      assertThat(a.frames()).noneMatch(f -> f.contains("\"error\""));

      // Bob got every scoring (the hint, say) without the ids of Ada's messages.
      b.await("scoring", s -> s.get("scoring").get("hints").size() == 1);
      assertThat(b.frames()).filteredOn(f -> f.contains("\"scoring\"")).isNotEmpty().noneMatch(f -> f.contains("\"id\":\"" + older)
          || f.contains("\"id\":\"" + newer) || f.contains("\"id\":\"" + submit));
    }
    assertThat(Sql.rows(server.database(), "select type, count(*) as n from session_events where session_id = ?::uuid"
        + " and type in ('score', 'hint', 'recommendation') group by type order by type", sessionId))
        .containsExactly(Map.of("type", "hint", "n", 1L), Map.of("type", "recommendation", "n", 1L), Map.of("type", "score", "n", 2L));
    assertThat(((Number) Sql.one(server.database(), "select rubric from scores where session_id = ?::uuid", sessionId)).intValue())
        .as("the review tables have the newer score").isEqualTo(3);
  }

  /** The scoring that confirms the message {@code id} on the author's socket. */
  private static JsonNode confirmation(RoomClient c, String id) {
    return c.await("scoring", s -> s.path("id").asText().equals(id)).get("scoring");
  }

  private static int rubric(JsonNode scoring) {
    assertThat(scoring.get("scores")).hasSize(1);
    return scoring.get("scores").get(0).get("rubric").asInt();
  }
}
