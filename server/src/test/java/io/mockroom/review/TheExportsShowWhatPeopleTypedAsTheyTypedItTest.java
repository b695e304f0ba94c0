package io.mockroom.review;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Markdown export and the scores CSV of a session whose people typed Markdown, HTML and code
 * fences: the Markdown shows their text as text (escaped), keeps an answer with ``` inside one code
 * block, times the timeline to the second and says when a question has no answer; the CSV names the
 * ticked key points and opens in a spreadsheet as UTF-8.
 */
class TheExportsShowWhatPeopleTypedAsTheyTypedItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static final String CANDIDATE = "Zoë **Bold** _Cand_ <i>x</i>";
  static final String ANSWER = "s = '```'\n```\nprint(s)";
  static Interviewer ada;
  static String sessionId;
  static String md;

  @BeforeAll
  static void runASessionWithMarkdownEverywhere() {
    ada = Interviewer.signUp(server, "Exports Org");
    JsonNode session = ada.createSession("Round [one](http://evil.example) <b>x</b>", CANDIDATE, 2);
    sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      cand.send(cand.json("hello").put("name", "Zoë *the* `candidate`"));
      cand.await("welcome");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      JsonNode q = cand.await("question").get("question");
      cand.send(insert(cand, q.get("doc").asText(), 0, "zo", 0, 0, ANSWER));
      cand.await("updates", u -> u.get("version").asInt() == 1);
      cand.send(cand.json("chat").put("text", "*hi* <b>there</b> # not a heading"));
      staff.await("chat");
      staff.send(staff.json("score").put("questionId", q.get("questionId").asText()).put("rubric", 3)
          .set("keyPoints", Json.MAPPER.createArrayNode().add(0)));
      staff.await("scoring", s -> s.get("scoring").get("scores").size() == 1);
      staff.send(staff.json("push_question").put("planIndex", 1));
      cand.await("question", m -> m.get("question").get("planIndex").asInt() == 1);
      staff.send(staff.json("recommend").put("recommendation", "yes").put("summary", "**great** & <script>alert(1)</script>")
          .put("submit", true));
      staff.await("scoring", s -> s.get("scoring").get("revealed").asBoolean());
      staff.send(staff.json("end"));
      cand.await("ended");
    }
    Http.Reply r = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId + "/export.md", ada.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    md = r.body();
  }

  @Test
  void anAnswerWithBackticksInsideStaysInOneCodeBlock() {
    assertThat(md).contains("### Final answer\n\n````python\n" + ANSWER + "\n````\n");
  }

  @Test
  void namesTitlesChatAndSummariesAreEscapedNotFormatting() {
    assertThat(md).startsWith("# Round \\[one\\](http://evil.example) \\<b\\>x\\</b\\>\n");
    assertThat(md).contains("- Candidate: Zoë \\*\\*Bold\\*\\* \\_Cand\\_ \\<i\\>x\\</i\\>\n");
    assertThat(md).contains("Zoë \\*the\\* \\`candidate\\`: \\*hi\\* \\<b\\>there\\</b\\> \\# not a heading");
    assertThat(md).contains("- Ada Lovelace: **Yes** — \\*\\*great\\*\\* \\& \\<script\\>alert(1)\\</script\\>");
    // Outside the fenced answer, no tag is left for a Markdown renderer to pass through as HTML.
    String outsideAnswer = md.replace(ANSWER, "");
    assertThat(outsideAnswer).doesNotContain("<i>", "<b>", "<script>", "[one](");
  }

  @Test
  void theTimelineIsTimedToTheSecondAndAQuestionWithoutAnAnswerSaysSo() {
    assertThat(md).containsPattern("\n- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC — Session started\n");
    assertThat(md).containsPattern("\n- Started: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n");
    String second = md.substring(md.indexOf("## 2. "), md.indexOf("## Timeline"));
    assertThat(second).contains("### Final answer\n\n*No answer*\n").doesNotContain("```");
  }

  @Test
  void aParticipantWhoLeftOrCameBackReadsAsSuch() {
    // A "left" is logged only after the 20 s reconnect grace (AParticipantWhoDoesNotComeBackIsShownAsLeftTest), so
    // the wording is checked on a transcript built by hand.
    OffsetDateTime at = OffsetDateTime.parse("2026-12-03T17:22:05Z");
    Transcript.SessionInfo info = new Transcript.SessionInfo(UUID.randomUUID(), "T", "Bob Brown", null, "ended", at, at, at, 0L, true);
    List<Transcript.Entry> timeline = List.of(
        new Transcript.Entry(1, at, "presence", UUID.randomUUID(), "Bob Brown", Json.MAPPER.valueToTree(Map.of("state", "left"))),
        new Transcript.Entry(2, at.plusSeconds(7), "presence", UUID.randomUUID(), "Bob Brown", Json.MAPPER.valueToTree(Map.of("state", "online"))));
    String out = Exports.markdown(new Transcript(1, info, List.of(), List.of(), timeline, List.of(), List.of(), List.of(), Map.of()));
    assertThat(out).contains("- 2026-12-03 17:22:05 UTC — Bob Brown left\n").contains("- 2026-12-03 17:22:12 UTC — Bob Brown is back online\n")
        .doesNotContain("is left");
  }

  @Test
  void theScoresCsvNamesTheTickedKeyPointsAndStartsWithAByteOrderMark() {
    JsonNode t = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId, ada.cookie()).json();
    String firstKeyPoint = t.get("questions").get(0).get("keyPoints").get(0).asText();
    Http.Reply csv = Http.get(server.baseUrl() + "/api/review/scores.csv", ada.cookie());
    assertThat(csv.body()).startsWith("\uFEFFsession_id,");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("\"Zoë **Bold** _Cand_ <i>x</i>\"").endsWith(",\"" + firstKeyPoint.replace("\"", "\"\"") + "\",\"yes\"");
  }
}
