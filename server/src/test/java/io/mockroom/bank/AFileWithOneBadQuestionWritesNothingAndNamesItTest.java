package io.mockroom.bank;

import static io.mockroom.bank.OwnQuestionFiles.assertCounts;
import static io.mockroom.bank.OwnQuestionFiles.importFile;
import static io.mockroom.bank.OwnQuestionFiles.ownCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A file with one question the editor would refuse (13 key points, an unknown difficulty, a
 * field the format does not have, a Markdown question without its topic) imports nothing at all:
 * the preview and the answer name that question, where it is in the file and why, and the good
 * questions around it are not written either.
 */
class AFileWithOneBadQuestionWritesNothingAndNamesItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void account() {
    ada = Interviewer.signUp(server, "Careful Importers");
  }

  static final String THIRTEEN = IntStream.rangeClosed(1, 13).mapToObj(i -> "\"point " + i + "\"").collect(Collectors.joining(", "));

  /** Three questions, the second with 13 key points; it starts on line 4. */
  static final String JSON = """
      {"format": "mockroom-questions", "version": 1, "questions": [
        {"prompt": "What is a list?", "topic": "Basics", "difficulty": "beginner", "keyPoints": [], "answer": ""},

        {"prompt": "What is a dict?", "topic": "Basics", "difficulty": "beginner",
         "keyPoints": [%s], "answer": "A mapping."},
        {"prompt": "What is a set?", "topic": "Basics", "difficulty": "beginner", "keyPoints": [], "answer": ""}
      ]}""".formatted(THIRTEEN);

  @Test
  void thePreviewNamesTheQuestionItsLineAndTheReason() {
    Http.Reply preview = importFile(ada, JSON, true);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertCounts(preview.json(), 2, 0, 0, 1);
    JsonNode bad = preview.json().get("questions").get(1);
    assertThat(bad.get("outcome").asText()).isEqualTo("refused");
    assertThat(bad.get("index").asInt()).isEqualTo(2);
    assertThat(bad.get("line").asInt()).isEqualTo(4);
    assertThat(bad.get("prompt").asText()).isEqualTo("What is a dict?");
    assertThat(bad.get("reason").asText()).isEqualTo("A question can have at most 12 key points.");
    assertThat(ownCount(ada)).isZero();
  }

  @Test
  void theImportIsRefusedWholeAndSaysWhich() {
    Http.Reply refused = importFile(ada, JSON, false);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    JsonNode report = refused.json();
    assertThat(report.get("imported").asBoolean()).isFalse();
    assertThat(report.get("error").get("code").asText()).isEqualTo("questions_refused");
    assertThat(report.get("error").get("message").asText()).isEqualTo(
        "1 question of the file is refused (question 2, line 4: A question can have at most 12 key points.). "
            + "Nothing was imported: correct the file and import it again.");
    assertCounts(report, 2, 0, 0, 1);
    assertThat(ownCount(ada)).as("the good questions around it are not written either").isZero();
  }

  @Test
  void eachKindOfBadQuestionIsRefusedWithItsReason() {
    String file = """
        [
          {"prompt": "Fine", "topic": "Basics", "difficulty": "beginner"},
          {"prompt": "Too hard", "topic": "Basics", "difficulty": "expert"},
          {"prompt": "Tagged", "topic": "Basics", "difficulty": "beginner", "tags": ["x"]},
          {"prompt": "", "topic": "Basics", "difficulty": "beginner"},
          {"prompt": "Numbers", "topic": "Basics", "difficulty": "beginner", "keyPoints": [1, 2]},
          "not a question"
        ]""";
    Http.Reply r = importFile(ada, file, false);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertCounts(r.json(), 1, 0, 0, 5);
    JsonNode q = r.json().get("questions");
    assertThat(q.get(1).get("reason").asText()).isEqualTo("Difficulty must be beginner, intermediate or advanced.");
    assertThat(q.get(2).get("reason").asText()).isEqualTo("Unknown field 'tags'.");
    assertThat(q.get(3).get("reason").asText()).isEqualTo("Please fill in the question.");
    assertThat(q.get(4).get("reason").asText()).isEqualTo("Field 'keyPoints' has the wrong type.");
    assertThat(q.get(5).get("reason").asText()).startsWith("A question is a JSON object");
    assertThat(q.get(5).get("line").asInt()).isEqualTo(7);
    assertThat(r.json().get("error").get("message").asText()).startsWith("5 questions of the file are refused (question 2, line 3: ")
        .contains("; and 2 more). Nothing was imported");
    assertThat(ownCount(ada)).isZero();
  }

  @Test
  void aMarkdownQuestionIsNamedByTheLineItStartsOnOrItsProblemIsOn() {
    String file = String.join("\n",
        "# Our questions",                    // 1
        "",
        "## Question 1",                      // 3
        "",
        "- Topic: Basics",
        "- Difficulty: Beginner",             // the app's spelling is taken
        "",
        "### Prompt",
        "",
        "What is a tuple?",                   // 10
        "",
        "## Question 2",                      // 12
        "",
        "- Difficulty: beginner",
        "",
        "### Prompt",
        "",
        "What is a frozenset?",
        "",
        "## Question 3",                      // 20
        "",
        "- Topic: Basics",
        "- Difficulty: advanced",
        "",
        "### Prompt",
        "",
        "What is a deque?",
        "",
        "### Key points",
        "",
        "- Double-ended",
        "Fast at both ends",                  // 32
        "");
    Http.Reply r = importFile(ada, file, true);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("format").asText()).isEqualTo("markdown");
    assertCounts(r.json(), 1, 0, 0, 2);
    JsonNode q = r.json().get("questions");
    assertThat(q.get(1).get("line").asInt()).isEqualTo(12);
    assertThat(q.get(1).get("reason").asText()).isEqualTo("Please fill in a topic.");
    assertThat(q.get(2).get("line").asInt()).isEqualTo(32);
    assertThat(q.get(2).get("reason").asText()).isEqualTo("Line 32: a key point is a line that starts with \"- \".");
    assertThat(importFile(ada, file, false).status()).isEqualTo(422);
    assertThat(ownCount(ada)).isZero();
  }

  @Test
  void aFileThatIsNotJsonAfterAllSaysWhere() {
    Http.Reply r = importFile(ada, "{\"questions\": [\n  {\"prompt\": \"x\",}\n]}", true);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").get("message").asText()).startsWith("The file is not valid JSON (line 2, column ");
    Http.Reply none = importFile(ada, "# Notes\n\nNo questions here.\n", true);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("error").get("code").asText()).isEqualTo("no_questions");
  }
}
