package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.BankQuestions.Stored;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One question of each source format, checked field by field against the seed text. */
class StoredQuestionsMatchTheirSourcesFieldByFieldTest {
  static DatabaseUrl db;

  @BeforeAll
  static void importBank() {
    db = SharedPostgres.databaseWithBank();
  }

  @Test
  void theInterviewGuideKeepsItsDifficultyLabelAndEveryLineOfCodeWithComments() {
    Stored q = BankQuestions.bySource(db, "001_0fccfcb66529fb9e.txt", "Q1");
    assertThat(q.prompt()).isEqualTo("How do you optimize memory usage when processing large datasets in Python?");
    assertThat(q.difficulty()).isEqualTo("intermediate");
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.answer()).isEqualTo("""
        **Strategy:**
        Use **Generators** instead of Lists. Generators yield items one by one using `yield`, consuming constant memory, whereas lists load everything into memory.

        **Code Example:**

        ```python
        # BAD: Loads all 1M items into memory
        squares_list = [x**2 for x in range(1000000)]

        # GOOD: Yields one item at a time
        squares_gen = (x**2 for x in range(1000000))

        for val in squares_gen:
            # Process val
            pass
        ```""");
    assertThat(q.keyPoints()).containsExactly(
        "Use Generators instead of Lists",
        "Generators yield items one by one using `yield`, consuming constant memory, whereas lists load everything into memory");
    assertThat(q.sources()).containsExactly("001_0fccfcb66529fb9e.txt#Q1");
  }

  @Test
  void theChatExportLosesItsCopyButtonsAndTakesDifficultyFromItsHeading() {
    Stored q = BankQuestions.bySource(db, "002_71f2adf0333625cc.txt", "1");
    assertThat(q.prompt()).isEqualTo("Write a function that takes a list of numbers and returns the sum.");
    assertThat(q.answer()).isEqualTo("```python\ndef sum_of_list(nums):\n    return sum(nums)\n```");
    assertThat(q.difficulty()).isEqualTo("beginner");
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.topicInferred()).isTrue();
    assertThat(q.keyPoints()).containsExactly("Writes a function `sum_of_list(nums)`", "Returns `sum(nums)`");
  }

  @Test
  void theChatExportTakesTopicFromATopicHeadingAndKeepsItsAnswerAsAnAlternate() {
    // 002#62 "What is Flask?" (under "### Web Development") is merged with 000#71, whose answer leads.
    Stored q = BankQuestions.bySource(db, "002_71f2adf0333625cc.txt", "62");
    assertThat(q.sources()).containsExactlyInAnyOrder("000_324a6ebb279cd104.txt#71", "002_71f2adf0333625cc.txt#62");
    assertThat(io.mockroom.testing.Sql.one(db,
        "select prompt from question_sources where file = '002_71f2adf0333625cc.txt' and position = '62'")).isEqualTo("What is Flask?");
    assertThat(q.topic()).isEqualTo("Web development");
    assertThat(q.topicInferred()).isFalse();
    assertThat(q.alternates()).anySatisfy(a -> {
      assertThat(a.get("source").get("file").asText()).isEqualTo("002_71f2adf0333625cc.txt");
      assertThat(a.get("source").get("position").asText()).isEqualTo("62");
      assertThat(a.get("answer").asText()).startsWith("Flask is a micro web framework written in Python.");
    });
  }

  @Test
  void theNumberedListTakesTopicAndDifficultyFromItsSectionHeadings() {
    Stored q = BankQuestions.bySource(db, "000_324a6ebb279cd104.txt", "1");
    assertThat(q.prompt()).isEqualTo("What is Python, and what are its key features?");
    assertThat(q.answer()).startsWith("Python is a high-level, interpreted programming language")
        .endsWith("suitable for a wide range of applications.");
    assertThat(q.difficulty()).isEqualTo("beginner");
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.topic()).isEqualTo("Python basics");
    assertThat(q.topicInferred()).isFalse();
    assertThat(q.keyPoints()).hasSize(3);
  }

  @Test
  void theSectionedBulletsLoseTheirLabelAndKeepTheSectionAsTopic() {
    Stored q = BankQuestions.bySource(db, "003_d2b1e66a207ca00c.txt", "3.4");
    assertThat(q.prompt()).isEqualTo("How would you implement a linked list in Python?");
    assertThat(q.answer()).isEqualTo("A linked list can be implemented using a class for the node that holds data and a "
        + "reference to the next node. You would define methods to insert, delete, and search nodes.");
    assertThat(q.topic()).isEqualTo("Data structures");
    assertThat(q.topicInferred()).isFalse();
    assertThat(q.difficultyInferred()).isTrue();
  }

  @Test
  void thePlainPairsInferDifficultyAndTopic() {
    Stored q = BankQuestions.bySource(db, "004_f6e4d58efeb91ce5.txt", "21");
    assertThat(q.prompt()).isEqualTo("Explain the difference between mutable and immutable types.");
    assertThat(q.answer()).startsWith("Mutable types (e.g., lists, dictionaries) can be changed after creation");
    assertThat(q.sources()).containsExactly("004_f6e4d58efeb91ce5.txt#21");
    assertThat(q.difficulty()).isEqualTo("beginner");
    assertThat(q.difficultyInferred()).isTrue();
    assertThat(q.topicInferred()).isTrue();
    assertThat(q.keyPoints()).hasSizeBetween(2, 5);
  }
}
