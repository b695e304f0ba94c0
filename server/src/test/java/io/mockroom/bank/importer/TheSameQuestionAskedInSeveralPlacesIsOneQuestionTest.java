package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Duplicate groups found by reading all five files; and look-alike questions that must stay apart. */
class TheSameQuestionAskedInSeveralPlacesIsOneQuestionTest {
  static final String N = Seeds.NUMBERED + "#";
  static final String G = Seeds.GUIDE + "#";
  static final String C = Seeds.CHAT + "#";
  static final String S = Seeds.SECTIONED + "#";
  static final String P = Seeds.PLAIN + "#";

  @Test
  void metaclassesAcrossAllFilesAndTwiceInOneFileAreOneQuestion() {
    BankQuestion q = Seeds.questionOf(Seeds.PLAIN, "1");
    assertThat(Seeds.refs(q)).containsExactly(N + "97", G + "Q58", C + "16", C + "46", S + "2.3", P + "1", P + "14");
    assertThat(q.key()).isEqualTo(N + "97");
    assertThat(q.alternates()).hasSize(6);
    assertThat(q.alternates()).extracting(Alternate::source).doesNotContain(
        q.variants().stream().filter(v -> v.answerMarkdown().equals(q.answerMarkdown())).findFirst().orElseThrow().ref());
    assertThat(q.answerMarkdown()).contains("```python"); // the variant with code leads
  }

  @Test
  void theWithStatementAndContextManagersAreOneQuestion() {
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.SECTIONED, "1.5"))).containsExactly(
        N + "52", N + "57", G + "Q38", G + "Q55", G + "Q65", C + "33", S + "1.5", P + "10", P + "26");
  }

  @Test
  void deepAndShallowCopyAreOneQuestionLedByTheRichestAnswer() {
    BankQuestion q = Seeds.questionOf(Seeds.SECTIONED, "1.4");
    assertThat(Seeds.refs(q)).containsExactly(
        G + "Q10", G + "Q56", C + "10", C + "22", S + "1.4", S + "5.2", P + "13");
    assertThat(q.prompt()).isEqualTo("How do you create a true deep copy of a nested object?");
    assertThat(q.answerMarkdown()).contains("```python\nimport copy");
  }

  @Test
  void theGilDecoratorsAndGeneratorsAreOneQuestionEach() {
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.SECTIONED, "1.1"))).containsExactly(
        N + "93", G + "Q51", C + "17", C + "48", C + "70", S + "1.1", P + "2");
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.SECTIONED, "1.2"))).containsExactly(
        G + "Q40", G + "Q52", C + "9", C + "53", S + "1.2", P + "6");
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q54"))).containsExactly(G + "Q39", G + "Q54");
  }

  @Test
  void otherQuestionsAskedMoreThanOnceAreMergedToo() {
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.PLAIN, "5"))).containsExactly(   // staticmethod vs classmethod
        N + "30", G + "Q75", C + "18", S + "2.1", P + "5");
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "10"))).containsExactly(N + "10", G + "Q63", C + "12"); // == vs is
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q53"))).containsExactly(G + "Q53", C + "30", S + "2.4"); // __new__/__init__
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q60"))).containsExactly(G + "Q60", C + "13", C + "57"); // *args
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.CHAT, "2"))).containsExactly(C + "2", C + "43", S + "3.3"); // reverse a string
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.PLAIN, "20"))).containsExactly(G + "Q24", G + "Q74", C + "40", P + "20");
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.NUMBERED, "6"))).containsExactly(N + "6", C + "3", C + "44"); // list vs tuple
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q36"))).containsExactly(G + "Q36", G + "Q69"); // __name__
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q30"))).containsExactly(G + "Q30", G + "Q97"); // shell commands
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q33"))).containsExactly(G + "Q33", S + "3.1"); // priority queue
    assertThat(Seeds.refs(Seeds.questionOf(Seeds.GUIDE, "Q64"))).containsExactly(    // managing dependencies
        N + "46", G + "Q11", G + "Q64", P + "22");
  }

  @Test
  void similarButDifferentQuestionsStayApart() {
    // Comparisons of different things.
    apart(Seeds.NUMBERED, "6", Seeds.SECTIONED, "3.2");  // list vs tuple | list, tuple and set
    apart(Seeds.NUMBERED, "14", Seeds.SECTIONED, "3.2"); // sets vs lists | list, tuple and set
    apart(Seeds.NUMBERED, "6", Seeds.NUMBERED, "14");    // list vs tuple | sets vs lists
    apart(Seeds.NUMBERED, "29", Seeds.CHAT, "51");       // __str__ vs __repr__ | what is __str__
    apart(Seeds.CHAT, "38", Seeds.GUIDE, "Q59");         // asyncio vs threads | how to use asyncio
    // Same shape, different subject.
    apart(Seeds.NUMBERED, "55", Seeds.NUMBERED, "56");   // os | shutil
    apart(Seeds.NUMBERED, "8", Seeds.NUMBERED, "9");     // built-in functions | writing functions
    apart(Seeds.NUMBERED, "51", Seeds.GUIDE, "Q89");     // files | CSV
    apart(Seeds.NUMBERED, "28", Seeds.CHAT, "54");       // overriding | overloading
    apart(Seeds.NUMBERED, "1", Seeds.NUMBERED, "2");     // what is Python | Python 2 vs 3
    apart(Seeds.GUIDE, "Q79", Seeds.GUIDE, "Q10");       // copy a file | deep copy
    apart(Seeds.GUIDE, "Q4", Seeds.SECTIONED, "1.1");    // bypass the GIL | what is the GIL
    apart(Seeds.GUIDE, "Q3", Seeds.GUIDE, "Q40");        // a timing decorator | decorators
    apart(Seeds.CHAT, "37", Seeds.GUIDE, "Q40");         // @property | decorators
    apart(Seeds.NUMBERED, "37", Seeds.GUIDE, "Q54");     // generator expressions | generators
    apart(Seeds.NUMBERED, "12", Seeds.PLAIN, "23");      // dictionaries | ways to create one
    apart(Seeds.NUMBERED, "99", Seeds.PLAIN, "11");      // memory manager | garbage collector
    apart(Seeds.NUMBERED, "96", Seeds.NUMBERED, "99");   // managing memory | the memory manager
    apart(Seeds.NUMBERED, "58", Seeds.NUMBERED, "85");   // file exceptions | exceptions while debugging
    apart(Seeds.GUIDE, "Q1", Seeds.NUMBERED, "69");      // memory with large data | large data in general (a close call)
    apart(Seeds.CHAT, "14", Seeds.SECTIONED, "1.3");     // generators vs lists | generators vs iterators
    apart(Seeds.GUIDE, "Q54", Seeds.SECTIONED, "1.3");   // generators | generators vs iterators
    apart(Seeds.GUIDE, "Q28", Seeds.GUIDE, "Q83");       // functools.partial | functools
    apart(Seeds.NUMBERED, "51", Seeds.NUMBERED, "54");   // files | CSV files
  }

  private static void apart(String fileA, String posA, String fileB, String posB) {
    assertThat(Seeds.questionOf(fileA, posA).key()).as("%s#%s vs %s#%s", fileA, posA, fileB, posB)
        .isNotEqualTo(Seeds.questionOf(fileB, posB).key());
  }

  @Test
  void aMergedQuestionTakesAStatedLevelOverAnInferredOne() {
    BankQuestion gil = Seeds.questionOf(Seeds.SECTIONED, "1.1");
    assertThat(gil.difficulty()).isEqualTo(Difficulty.ADVANCED);
    assertThat(gil.difficultyInferred()).isFalse();
    assertThat(gil.topic()).isEqualTo("Concurrency");
    assertThat(gil.topicInferred()).isFalse(); // "### Python Threading" states it for 002#70
  }
}
