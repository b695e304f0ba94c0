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
  void aLongSentenceIsCutAtAClauseBoundaryNeverInsideAClause() {
    String sentence = "The cyclic garbage collector finds and cleans up reference cycles, which are situations where a group of "
        + "objects reference each other but are no longer reachable from the rest of the program at all.";
    assertThat(KeyPoints.of("How?", sentence + " It runs now and then.", List.of()))
        .containsExactly("The cyclic garbage collector finds and cleans up reference cycles", "It runs now and then");
    // No clause to end at: the sentence is not a point (it is never cut mid-clause with "…").
    String longSentence = "Python " + "really ".repeat(40) + "matters.";
    assertThat(KeyPoints.of("Why?", longSentence + " It is a short one.", List.of()))
        .contains("It is a short one").allSatisfy(p -> assertThat(p).doesNotEndWith("…").doesNotContain("really really"));
  }

  @Test
  void noPointIsCutOffOrABareExampleOrCode() {
    for (BankQuestion q : Seeds.result().questions()) {
      for (String p : q.keyPoints()) {
        assertThat(p).as(q.key()).doesNotEndWith("…").doesNotEndWith("...")
            .doesNotContainPattern("(?i)^(for example|for instance|e\\.g\\.|example)\\b")
            .doesNotContainPattern("^\\w+ = \\S") // "x = 5"
            .doesNotContainPattern("(?i)\\b(the|a|an|and|or|of|to|with|such)$");
      }
    }
  }

  @Test
  void examplesAndCodeWrittenAsProseAreSkipped() {
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "3").keyPoints()) // "For example: x = 5"
        .contains("You can declare a variable by assigning a value to it using the assignment operator (=)")
        .noneMatch(p -> p.contains("x = 5") || p.contains("value 5"));
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "9").keyPoints()).noneMatch(p -> p.contains("def greet")); // "For example: def greet(name): …"
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "11").keyPoints()).noneMatch(p -> p.contains("my_list = ["));
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "42").keyPoints()).containsExactly(
        "You can import a module in Python using the import statement",
        "The import statement allows you to import modules, functions, and variables from other Python programs",
        "You can also import specific functions or variables from a module using the from keyword");
  }

  @Test
  void pointsThatWereCutMidSentenceAreNowWholeStatements() {
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "27").keyPoints()).first()
        .isEqualTo("Magic or dunder methods in Python are special methods that have double underscores at the beginning and end of their names");
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "28").keyPoints()).contains(
        "Method overriding is a mechanism in OOP that allows a subclass to provide a different implementation of a method");
    assertThat(Seeds.questionOf(Seeds.NUMBERED, "6").keyPoints()).contains( // "However, lists are mutable, …"
        "Lists are mutable, meaning they can be modified after creation, while tuples are immutable, meaning they cannot be modified after creation");
    assertThat(Seeds.questionOf(Seeds.SECTIONED, "7.2").keyPoints()).containsExactly(
        "Unit testing focuses on testing individual components in isolation",
        "Integration testing checks if various components work together as expected");
  }

  @Test
  void theSameAnswerAlwaysGivesTheSamePoints() {
    for (BankQuestion q : Seeds.result().questions()) {
      assertThat(KeyPoints.of(q.prompt(), q.answerMarkdown(), q.alternates().stream().map(Alternate::answerMarkdown).toList()))
          .isEqualTo(q.keyPoints());
    }
  }
}
