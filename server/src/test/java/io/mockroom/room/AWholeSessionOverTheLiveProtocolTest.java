package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One interview from start to end over real sockets: start, push, edit, chat, notes, end. Every
 * frame the candidate receives is recorded and searched for anything only staff may see.
 */
public class AWholeSessionOverTheLiveProtocolTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  public static ObjectNode insert(RoomClient c, String doc, int version, String clientId, int at, int docLength, String text) {
    ObjectNode push = c.json("push").put("doc", doc).put("version", version);
    var changes = Json.MAPPER.createArrayNode();
    if (at > 0) changes.add(at);
    changes.addArray().add(0).add(text);
    if (docLength - at > 0) changes.add(docLength - at);
    push.putArray("updates").addObject().put("clientID", clientId).set("changes", changes);
    return push;
  }

  @Test
  void theCandidateNeverReceivesAnswersKeyPointsOrNotes() {
    Interviewer ada = Interviewer.signUp(server, "Engines Ltd");
    JsonNode session = ada.createSession("Python loop", "Grace", 2);
    String sessionId = session.get("id").asText();
    JsonNode firstQuestion = Http.get(server.baseUrl() + "/api/questions/" + session.get("plan").get(0).get("questionId").asText(), ada.cookie()).json();

    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
         RoomClient candidate = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      candidate.send(candidate.json("hello").put("name", "Grace"));
      JsonNode cw = candidate.await("welcome");
      assertThat(cw.get("session").get("status").asText()).isEqualTo("scheduled");
      staff.await("presence", p -> p.get("participant").get("name").asText().equals("Grace"));

      // The candidate cannot run the session.
      candidate.send(candidate.json("start"));
      assertThat(candidate.await("error").get("code").asText()).isEqualTo("forbidden");
      candidate.send(candidate.json("push_question").put("planIndex", 0));
      assertThat(candidate.await("error").get("code").asText()).isEqualTo("forbidden");
      candidate.send(candidate.json("note").put("text", "I am great"));
      assertThat(candidate.await("error").get("code").asText()).isEqualTo("forbidden");

      staff.send(staff.json("start"));
      assertThat(candidate.await("started").get("seq").asLong()).isPositive();

      staff.send(staff.json("push_question").put("planIndex", 0));
      JsonNode staffQ = staff.await("question").get("question");
      JsonNode candQ = candidate.await("question").get("question");
      assertThat(staffQ.get("answer").asText()).isEqualTo(firstQuestion.get("answer").asText());
      assertThat(staffQ.get("keyPoints")).hasSize(firstQuestion.get("keyPoints").size());
      assertThat(candQ.get("prompt").asText()).isEqualTo(firstQuestion.get("prompt").asText());
      assertThat(candQ.has("answer")).isFalse();
      assertThat(candQ.has("keyPoints")).isFalse();
      assertThat(candQ.get("minutes").asInt()).isEqualTo(2);
      assertThat(candQ.get("startedAt").asText()).isNotBlank();
      String doc = candQ.get("doc").asText();

      // The candidate types; both see it once committed.
      candidate.send(insert(candidate, doc, 0, "cand-1", 0, 0, "def f():"));
      JsonNode mine = candidate.await("updates");
      assertThat(mine.get("version").asInt()).isEqualTo(1);
      assertThat(mine.get("updates").get(0).get("clientID").asText()).isEqualTo("cand-1");
      JsonNode theirs = staff.await("updates");
      assertThat(theirs.get("updates").get(0).get("changes").toString()).isEqualTo("[[0,\"def f():\"]]");
      staff.send(insert(staff, doc, 1, "staff-1", 8, 8, "\n    pass"));
      candidate.await("updates", u -> u.get("version").asInt() == 2);

      // Chat both ways; notes only to staff.
      candidate.send(candidate.json("chat").put("text", "Can I use recursion?"));
      staff.await("chat", m -> m.get("chat").get("text").asText().equals("Can I use recursion?"));
      staff.send(staff.json("chat").put("text", "Sure, <b>go ahead</b>"));
      candidate.await("chat", m -> m.get("chat").get("text").asText().equals("Sure, <b>go ahead</b>"));
      staff.send(staff.json("note").put("text", "SECRET-NOTE: strong on recursion"));
      JsonNode note = staff.await("note");
      assertThat(note.get("note").get("questionId").asText()).isEqualTo(candQ.get("questionId").asText());

      // Back and forth between questions keeps each answer.
      staff.send(staff.json("push_question").put("planIndex", 1));
      JsonNode second = candidate.await("question", q -> q.get("question").get("planIndex").asInt() == 1);
      assertThat(second.get("question").get("doc").asText()).isNotEqualTo(doc);
      staff.send(staff.json("push_question").put("planIndex", 0));
      candidate.await("question", q -> q.get("question").get("planIndex").asInt() == 0);

      // Messages carry growing sequence numbers.
      List<Long> seqs = new ArrayList<>();
      for (String f : candidate.frames()) {
        JsonNode n = read(f);
        if (n.has("seq") && !n.get("type").asText().equals("welcome")) seqs.add(n.get("seq").asLong());
      }
      assertThat(seqs).isSorted().doesNotHaveDuplicates();

      staff.send(staff.json("end"));
      assertThat(candidate.await("ended").get("endedAt").asText()).isNotBlank();
      assertThat(candidate.awaitClosed()).isTrue();
      assertThat(staff.awaitClosed()).isTrue();

      // Nothing only staff may see ever reached the candidate.
      String everything = String.join("\n", candidate.frames());
      assertThat(everything).doesNotContain("SECRET-NOTE");
      assertThat(everything).doesNotContain("\"answer\"").doesNotContain("\"keyPoints\"").doesNotContain("\"notes\"");
      for (String point : Json.MAPPER.convertValue(firstQuestion.get("keyPoints"), String[].class)) {
        assertThat(everything).doesNotContain(Json.MAPPER.valueToTree(point).toString().replaceAll("^\"|\"$", ""));
      }
      String answerStart = firstQuestion.get("answer").asText().substring(0, Math.min(40, firstQuestion.get("answer").asText().length()));
      assertThat(everything).doesNotContain(answerStart);
    }

    // The candidate link is dead, and the log holds the whole session in order.
    assertThat(Http.get(server.baseUrl() + "/api/join/" + Interviewer.token(session)).status()).isEqualTo(410);
    List<String> types = Sql.rows(server.database(), "select type from session_events where session_id = ?::uuid order by version", sessionId)
        .stream().map(r -> (String) r.get("type")).toList();
    assertThat(types).containsSubsequence("joined", "joined", "started", "question_pushed", "doc_update", "doc_update",
        "chat", "chat", "note", "question_pushed", "question_pushed", "ended");
    assertThat(Sql.one(server.database(), "select status from sessions where id = ?::uuid", sessionId)).isEqualTo("ended");
  }

  static JsonNode read(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
