package io.mockroom.bank;

import static io.mockroom.bank.OwnQuestionFiles.assertCounts;
import static io.mockroom.bank.OwnQuestionFiles.importFile;
import static io.mockroom.bank.OwnQuestionFiles.ownCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A file over 2 MiB, or with more than 500 questions, is refused with a 413 that says the limit
 * and to split the file, and nothing is written; 500 questions are taken. The larger limit is the
 * import's alone: every other request still stops at 256 KiB.
 */
class AnOversizeImportFileIsRefusedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;

  @BeforeAll
  static void account() {
    ada = Interviewer.signUp(server, "Big Files");
  }

  static String questions(int n, int answerLength) {
    String answer = "x".repeat(answerLength);
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> "{\"prompt\": \"Question " + i + "\", \"topic\": \"Bulk\", \"difficulty\": \"beginner\", \"answer\": \"" + answer + "\"}")
        .collect(Collectors.joining(",\n", "[\n", "\n]"));
  }

  @Test
  void aFileOverTwoMebibytesIsRefused() {
    String file = questions(30, 70_000); // 30 valid questions, about 2.1 MB
    assertThat(file.length()).isGreaterThan(QuestionFile.MAX_BYTES);
    Http.Reply r = importFile(ada, file, false);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("error").get("code").asText()).isEqualTo("file_too_large");
    assertThat(r.json().get("error").get("message").asText())
        .isEqualTo("A file to import can be at most 2 MiB (2097152 bytes). Split it into smaller files and import them one after the other.");
    assertThat(ownCount(ada)).isZero();
  }

  @Test
  void moreThanFiveHundredQuestionsAreRefused() {
    Http.Reply r = importFile(ada, questions(501, 10), false);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().get("error").get("code").asText()).isEqualTo("too_many_questions");
    assertThat(r.json().get("error").get("message").asText()).contains("at most 500 questions", "Split it");
    assertThat(ownCount(ada)).isZero();

    Http.Reply fiveHundred = importFile(ada, questions(500, 10), true);
    assertThat(fiveHundred.status()).as(fiveHundred.body()).isEqualTo(200);
    assertCounts(fiveHundred.json(), 500, 0, 0, 0);
  }

  @Test
  void aFileLargerThanOtherRequestsButWithinTheLimitIsTaken() {
    String file = questions(5, 90_000); // 450 KB: more than any other request may be
    assertThat(file.length()).isGreaterThan(256 * 1024);
    Http.Reply r = importFile(ada, file, true);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertCounts(r.json(), 5, 0, 0, 0);

    Http.Reply other = Http.post(server.baseUrl() + "/api/questions",
        "{\"prompt\": \"Big\", \"topic\": \"Bulk\", \"difficulty\": \"beginner\", \"answer\": \"" + "x".repeat(300_000) + "\"}", ada.cookie());
    assertThat(other.status()).as("the editor keeps its own limit").isEqualTo(413);
  }

  @Test
  void anEmptyBodyIsABadRequest() {
    Http.Reply r = importFile(ada, "", true);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").get("code").asText()).isEqualTo("no_questions");
    assertThat(importFile(ada, "   \n", true).status()).isEqualTo(400);
    assertThat(Http.post(server.baseUrl() + "/api/questions/import?dryRun=maybe", "[]", ada.cookie()).status()).isEqualTo(400);
  }
}
