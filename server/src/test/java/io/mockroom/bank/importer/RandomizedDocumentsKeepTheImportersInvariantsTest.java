package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For random question sets in every format: N questions parse to exactly N, with the prompts and
 * answers they were written with; and junk between questions (blank lines, chatter, rules) or a
 * shuffled document order changes neither the counts, nor the keys, nor any answer.
 */
class RandomizedDocumentsKeepTheImportersInvariantsTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (GeneratedDocuments.Format f : GeneratedDocuments.Format.values()) {
      for (long seed = 1; seed <= 8; seed++) out.add(Arguments.of(f, seed));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void aGeneratedFileWithNQuestionsParsesToExactlyNWithTheirOwnTexts(GeneratedDocuments.Format format, long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(40);
    List<GeneratedDocuments.Item> items = GeneratedDocuments.items(random, n);
    ImportResult result = SeedImporter.importAll(List.of(
        new SeedDocument("gen.txt", GeneratedDocuments.render(format, items, null))));

    assertThat(result.files().get(0).questionsRead()).isEqualTo(n);
    assertThat(result.files().get(0).unplaced()).isEmpty();
    List<SourceQuestion> variants = variants(result);
    assertThat(variants).hasSize(n);
    for (int i = 0; i < n; i++) {
      GeneratedDocuments.Item it = items.get(i);
      SourceQuestion v = variants.get(i);
      assertThat(v.prompt()).isEqualTo(it.prompt());
      String expected = it.code() == null ? it.answer() : it.answer() + "\n\n```python\n" + it.code() + "\n```";
      if (format == GeneratedDocuments.Format.GUIDE) expected = "**Strategy:**\n" + expected;
      assertThat(v.answerMarkdown()).as("answer %d", i + 1).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void junkBetweenQuestionsChangesNoCountKeyOrAnswer(GeneratedDocuments.Format format, long seed) {
    Random random = new Random(seed);
    List<GeneratedDocuments.Item> items = GeneratedDocuments.items(random, 1 + random.nextInt(40));
    ImportResult clean = SeedImporter.importAll(List.of(
        new SeedDocument("gen.txt", GeneratedDocuments.render(format, items, null))));
    ImportResult junky = SeedImporter.importAll(List.of(
        new SeedDocument("gen.txt", GeneratedDocuments.render(format, items, new Random(seed * 31)))));

    assertThat(junky.files().get(0).questionsRead()).isEqualTo(clean.files().get(0).questionsRead());
    assertThat(junky.files().get(0).unplaced()).isEmpty();
    assertThat(junky.questions()).extracting(BankQuestion::key).isEqualTo(clean.questions().stream().map(BankQuestion::key).toList());
    assertThat(variants(junky)).extracting(SourceQuestion::answerMarkdown)
        .isEqualTo(variants(clean).stream().map(SourceQuestion::answerMarkdown).toList());
    assertThat(junky.files().get(0).junkRemoved()).isGreaterThan(clean.files().get(0).junkRemoved());
  }

  @ParameterizedTest(name = "seed {1}")
  @MethodSource("cases")
  void theOrderDocumentsAreGivenInDoesNotMatter(GeneratedDocuments.Format ignored, long seed) {
    List<SeedDocument> docs = new ArrayList<>(SeedImporter.bundledSeeds());
    ImportResult before = SeedImporter.importAll(docs);
    Collections.shuffle(docs, new Random(seed));
    assertThat(SeedImporter.importAll(docs)).isEqualTo(before);
  }

  private static List<SourceQuestion> variants(ImportResult result) {
    return result.questions().stream().flatMap(q -> q.variants().stream())
        .sorted(Comparator.comparingInt(v -> Integer.parseInt(v.ref().position().replaceAll("^.*?(\\d+)$", "$1"))))
        .toList();
  }
}
