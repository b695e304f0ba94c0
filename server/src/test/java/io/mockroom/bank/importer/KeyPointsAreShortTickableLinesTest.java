package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bank question has 2–5 key points an interviewer can tick: one line each, taken from the answer. */
class KeyPointsAreShortTickableLinesTest {

  @Test
  void everyQuestionHasTwoToFiveNonEmptyOneLinePointsWithoutCodeFences() {
    for (BankQuestion q : Seeds.result().questions()) {
      assertThat(q.keyPoints()).as(q.key()).hasSizeBetween(KeyPoints.MIN, KeyPoints.MAX).doesNotHaveDuplicates();
      for (String p : q.keyPoints()) {
        assertThat(p).as(q.key()).isNotBlank().doesNotContain("```").doesNotContain("\n")
            .doesNotMatch(".*(?<![\\w*])\\*\\*\\S.*?\\S\\*\\*(?![\\w*]).*")
            .isEqualTo(p.strip());
        assertThat(p.length()).as(q.key() + ": " + p).isLessThanOrEqualTo(KeyPoints.MAX_LENGTH + 1);
        assertThat(p.chars().filter(c -> c == '`').count() % 2).as("balanced backticks: %s", p).isZero();
      }
    }
  }

  @Test
  void pointsAreTheAnswersSentencesWithoutLabelsOrCode() {
    assertThat(Seeds.variant(Seeds.GUIDE, "Q1")).isNotNull();
    assertThat(KeyPoints.of("How do you optimize memory usage?", Seeds.variant(Seeds.GUIDE, "Q1").answerMarkdown(), List.of()))
        .containsExactly("Use Generators instead of Lists",
            "Generators yield items one by one using `yield`, consuming constant memory, whereas lists load everything into memory");
  }

  @Test
  void anAnswerThatIsOnlyCodeIsDescribedByWhatTheCodeDoes() {
    BankQuestion q = Seeds.questionOf(Seeds.CHAT, "1");
    assertThat(q.keyPoints()).containsExactly("Writes a function `sum_of_list(nums)`", "Returns `sum(nums)`");
  }

  @Test
  void aShortAnswerBorrowsFromTheAlternatesBeforeFallingBackToGenericPoints() {
    List<String> points = KeyPoints.of("What is X?", "X is a thing.", List.of("X keeps state between calls. X is lazy."));
    assertThat(points).containsExactly("X is a thing", "X keeps state between calls");
    assertThat(KeyPoints.of("What is a list?", "A list is ordered.", List.of()))
        .hasSize(2).contains("A list is ordered");
  }

  @Test
  void longSentencesAreShortenedOnAWordBoundary() {
    String longSentence = "Python " + "really ".repeat(40) + "matters.";
    List<String> points = KeyPoints.of("Why?", longSentence + " It is short.", List.of());
    assertThat(points.get(0)).endsWith("…").hasSizeLessThanOrEqualTo(KeyPoints.MAX_LENGTH + 1);
    assertThat(points.get(0)).matches("Python( really)+…");
  }

  @Test
  void theSameAnswerAlwaysGivesTheSamePoints() {
    for (BankQuestion q : Seeds.result().questions()) {
      assertThat(KeyPoints.of(q.prompt(), q.answerMarkdown(), q.alternates().stream().map(Alternate::answerMarkdown).toList()))
          .isEqualTo(q.keyPoints());
    }
  }
}
