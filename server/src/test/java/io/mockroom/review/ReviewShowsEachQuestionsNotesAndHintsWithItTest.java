package io.mockroom.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reviewer reads a question with what the interviewers wrote about it: each note and hint is in
 * the transcript with its question (the one chosen, else the one on screen, else none) and in the
 * Markdown export under that question; a note written before the first question stands apart.
 * The timeline says which question a score was for and what it was.
 */
class ReviewShowsEachQuestionsNotesAndHintsWithItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static String sessionId;
  static String first;
  static String second;

  @BeforeAll
  static void runASession() {
    ada = Interviewer.signUp(server, "Remarks Org");
    JsonNode session = ada.createSession("Remarks", "Mary Jackson", 2);
    sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      staff.hello();
      cand.send(cand.json("hello").put("name", "Mary"));
      cand.await("welcome");
      staff.send(staff.json("note").put("text", "Arrived early, camera on"));
      staff.await("note");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      first = cand.await("question").get("question").get("questionId").asText();
      staff.send(staff.json("hint").put("text", "Think of *args"));
      staff.await("scoring", s -> s.get("scoring").get("hints").size() == 1);
      staff.send(staff.json("score").put("questionId", first).put("rubric", 3)
          .set("keyPoints", Json.MAPPER.createArrayNode().add(0)));
      staff.await("scoring", s -> s.get("scoring").get("scores").size() == 1);
      staff.send(staff.json("push_question").put("planIndex", 1));
      second = cand.await("question", m -> m.get("question").get("planIndex").asInt() == 1).get("question").get("questionId").asText();
      staff.send(staff.json("note").put("text", "On the second: fast"));
      staff.await("note", n -> n.get("note").get("text").asText().equals("On the second: fast"));
      // Written while the second is on screen, about the first.
      staff.send(staff.json("note").put("text", "Back on the first: used a closure").put("questionId", first));
      staff.await("note", n -> n.get("note").get("text").asText().startsWith("Back on the first"));
      staff.send(staff.json("end"));
      cand.await("ended");
    }
  }

  @Test
  void theTranscriptGivesEachNoteAndHintItsQuestion() {
    JsonNode t = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId, ada.cookie()).json();
    List<String> remarks = new ArrayList<>();
    t.get("remarks").forEach(r -> remarks.add(r.get("kind").asText() + " | " + r.get("name").asText() + " | "
        + (r.get("questionId").isNull() ? "none" : r.get("questionId").asText().equals(first) ? "first" : "second") + " | " + r.get("text").asText()));
    assertThat(remarks).containsExactly(
        "note | Ada Lovelace | none | Arrived early, camera on",
        "hint | Ada Lovelace | first | Think of *args",
        "note | Ada Lovelace | second | On the second: fast",
        "note | Ada Lovelace | first | Back on the first: used a closure");
  }

  @Test
  void theMarkdownExportListsThemUnderTheirQuestion() {
    String md = Http.get(server.baseUrl() + "/api/review/sessions/" + sessionId + "/export.md", ada.cookie()).body();
    int q1 = md.indexOf("\n## 1. ");
    int q2 = md.indexOf("\n## 2. ");
    int apart = md.indexOf("\n## Notes outside any question");
    int timeline = md.indexOf("\n## Timeline");
    assertThat(List.of(q1, q2, apart, timeline)).as(md).allMatch(i -> i > 0).isSorted();
    String aboutFirst = md.substring(q1, q2);
    assertThat(aboutFirst).contains("### Notes and hints")
        .containsSubsequence("- Hint (Ada Lovelace, ", "): Think of \\*args", "- Note (Ada Lovelace, ", "): Back on the first: used a closure")
        .doesNotContain("fast", "camera");
    assertThat(md.substring(q2, apart)).contains("### Notes and hints", "): On the second: fast").doesNotContain("closure", "camera");
    assertThat(md.substring(apart, timeline)).contains("): Arrived early, camera on").doesNotContain("closure", "fast");
    assertThat(md.substring(timeline)).contains("Ada Lovelace scored question 1: 3/4, 1 key point");
  }
}
