package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Questions of every format, checked field by field against the seed text. */
class ExactQuestionsAreImportedFieldByFieldTest {

  @Test
  void theInterviewGuideKeepsItsDifficultyLabelAndEveryLineOfCodeWithItsComments() {
    SourceQuestion q = Seeds.variant(Seeds.GUIDE, "Q1");
    assertThat(q.prompt()).isEqualTo("How do you optimize memory usage when processing large datasets in Python?");
    assertThat(q.answerMarkdown()).isEqualTo("""
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
    assertThat(q.difficulty()).isEqualTo(Difficulty.INTERMEDIATE);
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.topic()).isEqualTo("Memory & performance");
    assertThat(q.topicInferred()).isTrue();
  }

  @Test
  void theGuidesPythonLabelledJavascriptIsPythonAndItsFillerSentencesAreGone() {
    assertThat(Seeds.variant(Seeds.GUIDE, "Q52").answerMarkdown()).isEqualTo("""
        **Strategy:**
        Functions that modify other functions. Syntactic sugar for `func = decorator(func)`.

        **Code Example:**

        ```python
        def log(func):
            def wrapper():
                print('Call')
                func()
            return wrapper
        ```""");
    assertThat(Seeds.variant(Seeds.GUIDE, "Q57").answerMarkdown()).isEqualTo("""
        **Strategy:**
        Reference counting + Cyclic Garbage Collector.

        **Code Example:**

        ```python
        # sys.getrefcount(obj)
        ```""");
    assertThat(Seeds.variant(Seeds.GUIDE, "Q99").answerMarkdown()).endsWith("```bash\npip install package_name\n```");
    assertThat(Seeds.variant(Seeds.GUIDE, "Q99").difficulty()).isEqualTo(Difficulty.BEGINNER);
  }

  @Test
  void theChatExportLosesItsCopyButtonsAndTakesDifficultyFromItsHeading() {
    SourceQuestion q = Seeds.variant(Seeds.CHAT, "1");
    assertThat(q.prompt()).isEqualTo("Write a function that takes a list of numbers and returns the sum.");
    assertThat(q.answerMarkdown()).isEqualTo("```python\ndef sum_of_list(nums):\n    return sum(nums)\n```");
    assertThat(q.difficulty()).isEqualTo(Difficulty.BEGINNER);
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.topicInferred()).isTrue();
  }

  @Test
  void theChatExportKeepsCommentLinesInsideCodeAsCode() {
    SourceQuestion q = Seeds.variant(Seeds.CHAT, "20");
    assertThat(q.prompt()).isEqualTo("How is string interpolation done in Python?");
    assertThat(q.answerMarkdown()).isEqualTo("""
        There are several ways:

        - Using `%` formatting.
        - Using `.format()` method.
        - Using f-strings (from Python 3.6+).

        ```python
        name = 'Alice'
        # Using % formatting
        print("Hello, %s!" % name)

        # Using .format()
        print("Hello, {}!".format(name))

        # Using f-strings
        print(f"Hello, {name}!")
        ```""");
    assertThat(q.difficulty()).isEqualTo(Difficulty.INTERMEDIATE);
    assertThat(q.difficultyInferred()).isFalse();
  }

  @Test
  void theChatExportDropsTheChatterAfterAnAnswerAndLabelsProgramOutputAsText() {
    assertThat(Seeds.variant(Seeds.CHAT, "9").answerMarkdown()).isEqualTo("""
        Decorators provide a way to modify or extend the behavior of callable objects (like functions and methods) without permanently modifying the callable itself. They are often used in frameworks to add functionality to functions or methods.

        Example:

        ```python
        def my_decorator(func):
            def wrapper():
                print("Something is happening before the function is called.")
                func()
                print("Something is happening after the function is called.")
            return wrapper

        @my_decorator
        def say_hello():
            print("Hello!")

        say_hello()
        ```

        This will output:

        ```text
        Something is happening before the function is called.
        Hello!
        Something is happening after the function is called.
        ```""");
  }

  @Test
  void aChatReplyWithoutHeadingsDoesNotInheritThePreviousRepliesLevel() {
    // Questions 26–29 follow "I hope these questions…" and come before any heading of their reply.
    assertThat(Seeds.variant(Seeds.CHAT, "25").difficultyInferred()).isFalse();
    assertThat(Seeds.variant(Seeds.CHAT, "26").difficultyInferred()).isTrue();
    assertThat(Seeds.variant(Seeds.CHAT, "30").difficulty()).isEqualTo(Difficulty.ADVANCED);
    assertThat(Seeds.variant(Seeds.CHAT, "30").difficultyInferred()).isFalse();
  }

  @Test
  void theChatExportTakesTopicFromATopicHeadingAndInfersDifficulty() {
    SourceQuestion q = Seeds.variant(Seeds.CHAT, "62");
    assertThat(q.prompt()).isEqualTo("What is Flask?");
    assertThat(q.answerMarkdown()).startsWith("Flask is a micro web framework written in Python.");
    assertThat(q.topic()).isEqualTo("Web development");
    assertThat(q.topicInferred()).isFalse();
    assertThat(q.difficultyInferred()).isTrue();
  }

  @Test
  void theNumberedListTakesTopicAndDifficultyFromItsSectionHeadings() {
    SourceQuestion q = Seeds.variant(Seeds.NUMBERED, "1");
    assertThat(q.prompt()).isEqualTo("What is Python, and what are its key features?");
    assertThat(q.answerMarkdown()).startsWith("Python is a high-level, interpreted programming language")
        .endsWith("suitable for a wide range of applications.").doesNotContain("\n");
    assertThat(q.difficulty()).isEqualTo(Difficulty.BEGINNER);
    assertThat(q.difficultyInferred()).isFalse();
    assertThat(q.topic()).isEqualTo("Python basics");
    assertThat(q.topicInferred()).isFalse();

    SourceQuestion gil = Seeds.variant(Seeds.NUMBERED, "93"); // under "### Advanced Topics"
    assertThat(gil.difficulty()).isEqualTo(Difficulty.ADVANCED);
    assertThat(gil.difficultyInferred()).isFalse();
    assertThat(gil.topic()).isEqualTo("Concurrency");
    assertThat(gil.topicInferred()).isTrue();
  }

  @Test
  void theSectionedBulletsLoseTheirLabelAndKeepTheSectionAsTopic() {
    SourceQuestion q = Seeds.variant(Seeds.SECTIONED, "3.4");
    assertThat(q.prompt()).isEqualTo("How would you implement a linked list in Python?");
    assertThat(q.answerMarkdown()).isEqualTo("A linked list can be implemented using a class for the node that holds data "
        + "and a reference to the next node. You would define methods to insert, delete, and search nodes.");
    assertThat(q.topic()).isEqualTo("Data structures");
    assertThat(q.topicInferred()).isFalse();
    assertThat(q.difficultyInferred()).isTrue();
  }

  @Test
  void mojibakeIsRepairedNotDropped() {
    assertThat(Seeds.variant(Seeds.SECTIONED, "1.4").answerMarkdown())
        .isEqualTo("A shallow copy creates a new object but doesn’t recursively copy objects found within it, whereas "
            + "a deep copy creates a new object and recursively copies all nested objects.");
  }

  @Test
  void thePlainPairsInferDifficultyAndTopic() {
    SourceQuestion q = Seeds.variant(Seeds.PLAIN, "20");
    assertThat(q.prompt()).isEqualTo("What is the purpose of the __slots__ declaration?");
    assertThat(q.answerMarkdown()).isEqualTo("__slots__ is used to restrict the attributes that instances of a class can "
        + "have, reducing memory usage and improving performance by preventing the creation of __dict__.");
    assertThat(q.difficulty()).isEqualTo(Difficulty.ADVANCED);
    assertThat(q.difficultyInferred()).isTrue();
    assertThat(q.topic()).isEqualTo("Memory & performance");
    assertThat(q.topicInferred()).isTrue();
  }

  @Test
  void aPlainQuestionWithoutAQuestionMarkIsStillAQuestion() {
    SourceQuestion q = Seeds.variant(Seeds.PLAIN, "2");
    assertThat(q.prompt()).isEqualTo("Explain the Global Interpreter Lock (GIL) and its implications.");
    assertThat(q.answerMarkdown()).startsWith("The GIL is a mutex");
  }
}
