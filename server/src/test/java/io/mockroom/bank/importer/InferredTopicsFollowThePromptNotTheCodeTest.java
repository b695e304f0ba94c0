package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A topic the sources do not state is inferred from the prompt, then from the answer's prose —
 * never from words inside its code — and falls back to the general "Python basics" rather than a
 * wrong specific topic.
 */
class InferredTopicsFollowThePromptNotTheCodeTest {

  @Test
  void connectingToADatabaseIsNotAMemoryQuestion() {
    BankQuestion q = Seeds.questionOf(Seeds.GUIDE, "Q82"); // its code opens sqlite3 ":memory:"
    assertThat(q.prompt()).isEqualTo("How do you connect to a database?");
    assertThat(q.topic()).isEqualTo("Libraries & frameworks");
    assertThat(q.topicInferred()).isTrue();
  }

  @Test
  void documentingCodeIsNotADataStructuresQuestion() {
    BankQuestion q = Seeds.questionOf(Seeds.GUIDE, "Q91"); // "Docstrings" used to read as "strings"
    assertThat(q.prompt()).isEqualTo("How do you document code?");
    assertThat(q.topic()).isEqualTo(TopicClassifier.BASICS);
  }

  @Test
  void aNamedStandardModuleIsAboutThatModuleNotAboutPackaging() {
    assertThat(Seeds.questionOf(Seeds.GUIDE, "Q81").topic()).isEqualTo("Standard library"); // the `logging` module
    assertThat(Seeds.questionOf(Seeds.GUIDE, "Q37").topic()).isEqualTo("Standard library"); // the re module
    assertThat(Seeds.questionOf(Seeds.GUIDE, "Q94").topic()).isEqualTo("Data structures");  // the collections module
    assertThat(Seeds.questionOf(Seeds.GUIDE, "Q88").topic()).isEqualTo("Standard library"); // zip, whatever it zips
    assertThat(Seeds.questionOf(Seeds.CHAT, "20").topic()).isEqualTo(TopicClassifier.BASICS); // string interpolation
    assertThat(TopicClassifier.infer("What is a module in Python?", "")).isEqualTo("Modules & packaging");
    assertThat(TopicClassifier.infer("How do you import a module?", "")).isEqualTo("Modules & packaging");
  }

  @Test
  void wordsInsideCodeDoNotDecide() {
    assertThat(TopicClassifier.infer("How do you greet someone?", "Call it.\n\n```python\nimport threading\n```"))
        .isEqualTo(TopicClassifier.BASICS);
    assertThat(TopicClassifier.infer("How do you greet someone?", "Start a thread for it."))
        .isEqualTo("Concurrency");
  }

  @Test
  void everyTopicIsOneOfTheVocabulary() {
    for (BankQuestion q : Seeds.result().questions()) assertThat(Topics.ALL).as(q.key()).contains(q.topic());
  }
}
