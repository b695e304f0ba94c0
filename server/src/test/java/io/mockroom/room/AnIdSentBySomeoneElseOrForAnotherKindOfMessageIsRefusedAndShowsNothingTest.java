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
 * Only the person who sent a message is confirmed it again. An id already applied is refused
 * ({@code invalid_message}, naming the id) when it comes from the other side of the room — the
 * candidate with an interviewer's chat line or note, an interviewer with the candidate's line —
 * from another member of staff (a colleague with an interviewer's score), or for another kind of
 * message (an interviewer's chat line sent again as a note). Nothing is applied, and the refused
 * sender is shown nothing of the message: no line sent again, no note, no score.
 */
class AnIdSentBySomeoneElseOrForAnotherKindOfMessageIsRefusedAndShowsNothingTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theIdIsRefusedAndNothingIsAppliedOrShown() {
    Interviewer ada = Interviewer.signUp(server, "Not Yours Ltd");
    Interviewer bob = ada.colleague("Bob");
    JsonNode session = ada.createSession("Not yours", "Grace", 1);
    String sessionId = session.get("id").asText();
    Http.post(server.baseUrl() + "/api/sessions/" + sessionId + "/members",
        Map.of("email", bob.account().get("email").asText(), "role", "interviewer"), ada.cookie());
    String adaLine = UUID.randomUUID().toString();
    String adaNote = UUID.randomUUID().toString();
    String adaScore = UUID.randomUUID().toString();
    String graceLine = UUID.randomUUID().toString();
    try (RoomClient a = RoomClient.joinAsStaff(server, ada, sessionId);
         RoomClient b = RoomClient.joinAsStaff(server, bob, sessionId);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", "Grace"));
      cand.await("welcome");
      String q = a.startWithFirstQuestion();
      a.send(a.json("chat").put("id", adaLine).put("text", "Take your time"));
      a.await("chat", c -> c.get("chat").get("id").asText().equals(adaLine));
      a.send(a.json("note").put("id", adaNote).put("text", "Secret: hesitant on recursion"));
      a.await("note", n -> n.get("note").get("id").asText().equals(adaNote));
      a.send(a.json("score").put("id", adaScore).put("questionId", q).put("rubric", 3));
      a.await("scoring", s -> s.path("id").asText().equals(adaScore));
      cand.send(cand.json("chat").put("id", graceLine).put("text", "Thanks"));
      cand.await("chat", c -> c.get("chat").get("id").asText().equals(graceLine));
      a.await("chat", c -> c.get("chat").get("id").asText().equals(graceLine));

      // The candidate, with the interviewer's chat line (seen in the room) and note (never seen).
      assertRefused(cand, cand.json("chat").put("id", adaLine).put("text", "Take your time"), adaLine);
      assertRefused(cand, cand.json("chat").put("id", adaNote).put("text", "?"), adaNote);
      // The interviewer, with the candidate's line; a colleague, with her score; she, with her line as a note.
      assertRefused(a, a.json("chat").put("id", graceLine).put("text", "Thanks"), graceLine);
      assertRefused(b, b.json("score").put("id", adaScore).put("questionId", q).put("rubric", 3), adaScore);
      assertRefused(a, a.json("note").put("id", adaLine).put("text", "Take your time"), adaLine);

      assertThat(chatFrames(cand, adaLine)).as("the line is not sent again").isEqualTo(1);
      assertThat(chatFrames(a, graceLine)).isEqualTo(1);
      assertThat(cand.frames()).noneMatch(f -> f.contains("Secret") || f.contains("\"type\":\"note\"") || f.contains("\"type\":\"scoring\""));
      assertThat(b.frames()).filteredOn(f -> f.contains("\"type\":\"scoring\""))
          .as("the colleague is not confirmed, nor shown the score before the reveal")
          .noneMatch(f -> f.contains(adaScore) || f.contains("\"rubric\":3"));
    }
    assertThat(Sql.rows(server.database(), "select type, payload ->> 'id' as id from session_events"
            + " where session_id = ?::uuid and type in ('chat', 'note', 'score') order by version", sessionId))
        .as("nothing more was applied")
        .containsExactly(Map.of("type", "chat", "id", adaLine), Map.of("type", "note", "id", adaNote),
            Map.of("type", "score", "id", adaScore), Map.of("type", "chat", "id", graceLine));
  }

  /**
   * {@code message} is answered by {@code invalid_message} naming {@code id} (before the pong of a
   * ping sent after it), and no other frame since it was sent names the id.
   */
  private static void assertRefused(RoomClient c, JsonNode message, String id) {
    int before = c.frames().size();
    c.send(message);
    c.send(c.json("ping").put("t", 9));
    c.await("pong");
    java.util.List<JsonNode> since = c.frames().subList(before, c.frames().size()).stream()
        .map(AnIdSentBySomeoneElseOrForAnotherKindOfMessageIsRefusedAndShowsNothingTest::parse)
        .filter(f -> f.toString().contains(id)).toList();
    assertThat(since).as("what the refused sender got naming " + id).hasSize(1);
    assertThat(since.get(0).get("type").asText()).isEqualTo("error");
    assertThat(since.get(0).get("code").asText()).isEqualTo("invalid_message");
    assertThat(since.get(0).get("id").asText()).isEqualTo(id);
  }

  private static long chatFrames(RoomClient c, String id) {
    return c.frames().stream().map(AnIdSentBySomeoneElseOrForAnotherKindOfMessageIsRefusedAndShowsNothingTest::parse)
        .filter(f -> f.get("type").asText().equals("chat") && f.get("chat").get("id").asText().equals(id)).count();
  }

  private static JsonNode parse(String frame) {
    try {
      return io.mockroom.http.Json.MAPPER.readTree(frame);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
