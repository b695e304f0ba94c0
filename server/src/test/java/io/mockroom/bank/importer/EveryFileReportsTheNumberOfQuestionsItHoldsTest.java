package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counted by hand, reading each seed file: the importer reads every question, no more, no less. */
class EveryFileReportsTheNumberOfQuestionsItHoldsTest {
  static final Map<String, Integer> QUESTIONS = new LinkedHashMap<>();

  static {
    QUESTIONS.put(Seeds.NUMBERED, 100); // "### Basics" … "### Advanced Topics", numbered 1–100
    QUESTIONS.put(Seeds.GUIDE, 100);    // "### Q1:" … "### Q100:" after a 100-entry table of contents
    QUESTIONS.put(Seeds.CHAT, 78);      // "**1. Question:**" … "**78. Question:**" over eight chat replies
    QUESTIONS.put(Seeds.SECTIONED, 35); // 7 sections × 5 bullets
    QUESTIONS.put(Seeds.PLAIN, 30);     // 30 question/answer pairs, no numbers
  }

  @Test
  void eachFileReportsExactlyTheQuestionsCountedByHand() {
    assertThat(Seeds.result().files()).extracting(FileReport::file).containsExactlyElementsOf(QUESTIONS.keySet());
    QUESTIONS.forEach((file, n) -> assertThat(Seeds.report(file).questionsRead()).as(file).isEqualTo(n));
  }

  @Test
  void everyQuestionReadIsAVariantOfExactlyOneBankQuestion() {
    Set<SourceRef> seen = new HashSet<>();
    Map<String, Integer> perFile = new LinkedHashMap<>();
    for (BankQuestion q : Seeds.result().questions()) {
      for (SourceQuestion v : q.variants()) {
        assertThat(seen.add(v.ref())).as("%s appears once", v.ref()).isTrue();
        perFile.merge(v.ref().file(), 1, Integer::sum);
      }
    }
    assertThat(perFile).isEqualTo(QUESTIONS);
  }

  @Test
  void theSeedsLeaveNothingUnplacedAndTheirJunkIsCounted() {
    for (FileReport f : Seeds.result().files()) assertThat(f.unplaced()).as(f.file()).isEmpty();
    assertThat(Seeds.report(Seeds.NUMBERED).junkRemoved()).isEqualTo(1);   // "Certainly! Here’s a comprehensive list…"
    assertThat(Seeds.report(Seeds.GUIDE).junkRemoved()).isGreaterThan(300); // header, TOC, Back to Top, rules, filler
    assertThat(Seeds.report(Seeds.CHAT).junkRemoved()).isGreaterThan(55);   // 55 copy buttons, chatter, rules
    assertThat(Seeds.report(Seeds.SECTIONED).junkRemoved()).isEqualTo(8);   // the title and 7 rules
    assertThat(Seeds.report(Seeds.PLAIN).junkRemoved()).isZero();
  }

  @Test
  void textThatIsNeitherAQuestionNorJunkIsReportedAsUnplaced() {
    String text = """
        A stray paragraph before any question.

        ### Basics

        1. What is a list?
        A list is an ordered, mutable sequence.
        """;
    FileReport report = SeedImporter.importAll(java.util.List.of(new SeedDocument("x.txt", text))).files().get(0);
    assertThat(report.questionsRead()).isEqualTo(1);
    assertThat(report.unplaced()).containsExactly("A stray paragraph before any question.");
  }
}
