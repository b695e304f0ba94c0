package io.mockroom.review;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.collab.ChangeSet;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session produced through the live protocol, then read back through review: the list and its
 * filters, the timeline in order, final answers, the replay at every version equal to the text
 * the client had then, and the exports.
 */
class ReviewShowsWhatHappenedInTheRoomTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer stranger;
  static JsonNode session;
  static String sessionId;
  static String doc;
  static final List<String> textAtVersion = new ArrayList<>();

  @BeforeAll
  static void runASession() {
    ada = Interviewer.signUp(server, "Review Org");
    stranger = Interviewer.signUp(server, "Elsewhere");
    session = ada.createSession("Review me", "Katherine Johnson", 2);
    sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      cand.send(cand.json("hello").put("name", "Katherine"));
      cand.await("welcome");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      JsonNode q = cand.await("question").get("question");
      doc = q.get("doc").asText();
      textAtVersion.add("");
      String text = "";
      for (String piece : new String[] {"def ", "orbit", "(t):", "\n    return t"}) {
        cand.send(insert(cand, doc, textAtVersion.size() - 1, "kj", text.length(), text.length(), piece));
        int v = textAtVersion.size();
        cand.await("updates", u -> u.get("version").asInt() == v);
        text += piece;
        textAtVersion.add(text);
      }
      cand.send(cand.json("chat").put("text", "Done with the first one"));
      staff.await("chat");
      staff.send(staff.json("note").put("text", "Clean function"));
      staff.await("note");
      staff.send(staff.json("hint").put("text", "Mind the edge cases"));
      staff.await("scoring");
      staff.send(staff.json("score").put("questionId", q.get("questionId").asText()).put("rubric", 4)
          .set("keyPoints", Json.MAPPER.createArrayNode().add(0)));
      staff.await("scoring", s -> s.get("scoring").get("scores").size() == 1);
      staff.send(staff.json("push_question").put("planIndex", 1));
      cand.await("question", m -> m.get("question").get("planIndex").asInt() == 1);
      staff.send(staff.json("recommend").put("recommendation", "yes").put("summary", "Good").put("submit", true));
      staff.await("scoring", s -> s.get("scoring").get("revealed").asBoolean());
      staff.send(staff.json("end"));
      cand.await("ended");
    }
  }

  static JsonNode list(String query, String cookie) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/review/sessions" + query, cookie);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theDashboardListsTheSessionWithScoresAndFiltersIt() {
    JsonNode page = list("", ada.cookie());
    assertThat(page.get("total").asInt()).isEqualTo(1);
    JsonNode row = page.get("items").get(0);
    assertThat(row.get("candidateName").asText()).isEqualTo("Katherine Johnson");
    assertThat(row.get("interviewers").get(0).asText()).isEqualTo("Ada Lovelace");
    assertThat(row.get("status").asText()).isEqualTo("ended");
    assertThat(row.get("durationSeconds").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(row.get("questions")).hasSize(2);
    assertThat(row.get("questions").get(0).get("averageRubric").asDouble()).isEqualTo(4.0);
    assertThat(row.get("recommendations").get(0).get("recommendation").asText()).isEqualTo("yes");

    String topic = row.get("questions").get(0).get("topic").asText();
    assertThat(list("?candidate=katherine", ada.cookie()).get("total").asInt()).isEqualTo(1);
    assertThat(list("?candidate=nobody", ada.cookie()).get("total").asInt()).isZero();
    assertThat(list("?interviewer=lovelace", ada.cookie()).get("total").asInt()).isEqualTo(1);
    assertThat(list("?topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8), ada.cookie()).get("total").asInt()).isEqualTo(1);
    assertThat(list("?recommendation=yes", ada.cookie()).get("total").asInt()).isEqualTo(1);
    assertThat(list("?recommendation=strong_no", ada.cookie()).get("total").asInt()).isZero();
    String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(list("?from=" + today + "&to=" + today, ada.cookie()).get("total").asInt()).isEqualTo(1);
    assertThat(list("?to=2020-01-01", ada.cookie()).get("total").asInt()).isZero();
    assertThat(list("?sort=score&order=desc&page=1&pageSize=5", ada.cookie()).get("items")).hasSize(1);
    assertThat(Http.get(server.baseUrl() + "/api/review/sessions?sort=height", ada.cookie()).status()).isEqualTo(400);
    assertThat(Http.get(server.baseUrl() + "/api/review/sessions?from=yesterday", ada.cookie()).status()).isEqualTo(400);
    assertThat(list("", stranger.cookie()).get("total").asInt()).isZero();
  }

  @Test
  void theTranscriptHasTheTimelineInOrderAndTheFinalAnswers() {
    JsonNode t = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId, ada.cookie()).json();
    List<String> types = new ArrayList<>();
    t.get("timeline").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsSubsequence("joined", "joined", "started", "question_pushed", "chat", "note", "hint", "score",
        "question_pushed", "recommendation", "ended");
    List<Long> seqs = new ArrayList<>();
    t.get("timeline").forEach(e -> seqs.add(e.get("seq").asLong()));
    assertThat(seqs).isSorted();
    JsonNode first = t.get("questions").get(0);
    assertThat(first.get("finalAnswer").asText()).isEqualTo("def orbit(t):\n    return t");
    assertThat(first.get("finalVersion").asInt()).isEqualTo(4);
    assertThat(first.get("secondsSpent").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(t.get("questions").get(1).get("finalAnswer").asText()).isEmpty();
    assertThat(t.get("scores").get(0).get("rubric").asInt()).isEqualTo(4);
    assertThat(t.get("recommendations").get(0).get("submitted").asBoolean()).isTrue();
  }

  @Test
  void theReplayAtEveryVersionEqualsWhatTheClientHadThen() {
    JsonNode edits = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId, ada.cookie()).json().get("replay").get(doc);
    assertThat(edits).hasSize(textAtVersion.size() - 1);
    String text = "";
    assertThat(text).isEqualTo(textAtVersion.get(0));
    for (int v = 1; v < textAtVersion.size(); v++) {
      JsonNode e = edits.get(v - 1);
      assertThat(e.get("version").asInt()).isEqualTo(v);
      text = ChangeSet.fromJson(e.get("changes")).apply(text);
      assertThat(text).as("version %d", v).isEqualTo(textAtVersion.get(v));
    }
  }

  @Test
  void theJsonExportIsTheTranscriptAndTheMarkdownReadsLikeOne() {
    Http.Reply api = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId, ada.cookie());
    Http.Reply json = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId + "/export.json", ada.cookie());
    assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".json");
    assertThat(json.json()).isEqualTo(api.json());
    assertThat(json.json().get("format").asInt()).isEqualTo(1);

    Http.Reply md = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId + "/export.md", ada.cookie());
    assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    assertThat(md.body()).startsWith("# Review me").contains("Katherine Johnson").contains("def orbit(t):\n    return t")
        .contains("Ada Lovelace: 4/4").contains("Katherine: Done with the first one").contains("**Yes**");

    Http.Reply csv = Http.get(server.baseUrl() + "/api/review/scores.csv", ada.cookie());
    assertThat(csv.body().split("\r\n")).hasSize(2);
    assertThat(csv.body()).contains("\"Katherine Johnson\"").contains("\"Ada Lovelace\"").contains("\"4\"").contains("\"yes\"");
  }

  @Test
  void reviewOpensOnlyForTheRightAccount() {
    String[] paths = {"/api/review/sessions", "/api/review/sessions/" + sessionId, "/api/review/sessions/" + sessionId + "/export.json",
        "/api/review/sessions/" + sessionId + "/export.md", "/api/review/scores.csv"};
    String candidateToken = Interviewer.token(session);
    for (String path : paths) {
      assertThat(Http.get(server.baseUrl() + path, null).status()).as("anonymous " + path).isEqualTo(401);
      assertThat(Http.get(server.baseUrl() + path, "mockroom_session=" + candidateToken).status()).as("candidate " + path).isEqualTo(401);
      assertThat(Http.get(server.baseUrl() + path + (path.contains("?") ? "&" : "?") + "token=" + candidateToken, null).status())
          .as("candidate token in the URL " + path).isEqualTo(401);
      int strangerStatus = Http.get(server.baseUrl() + path, stranger.cookie()).status();
      if (path.endsWith("/sessions") || path.endsWith(".csv")) {
        assertThat(strangerStatus).as("other organisation " + path).isEqualTo(200);
      } else {
        assertThat(strangerStatus).as("other organisation " + path).isEqualTo(404);
      }
      assertThat(Http.get(server.baseUrl() + path, ada.cookie()).status()).as("right account " + path).isEqualTo(200);
    }
    assertThat(Http.get(server.baseUrl() + "/api/review/scores.csv", stranger.cookie()).body().split("\r\n")).hasSize(1);
  }
}
