package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Import is a pure function of the documents: same input, same output, down to keys and key points. */
class ImportingTwiceGivesTheSameResultTest {

  @Test
  void twoImportsOfTheSameDocumentsAreEqual() {
    ImportResult first = SeedImporter.importAll(SeedImporter.bundledSeeds());
    ImportResult second = SeedImporter.importAll(SeedImporter.bundledSeeds());
    assertThat(second).isEqualTo(first);
    assertThat(second.toString()).isEqualTo(first.toString());
  }

  @Test
  void keysAreUniqueAndNameTheFirstSourceOfTheirQuestion() {
    List<BankQuestion> bank = Seeds.result().questions();
    assertThat(bank).extracting(BankQuestion::key).doesNotHaveDuplicates();
    for (BankQuestion q : bank) {
      SourceRef first = q.variants().get(0).ref();
      assertThat(q.key()).isEqualTo(first.file() + "#" + first.position());
    }
  }

  @Test
  void aKeySurvivesAnEditToAnAnswerAndToUnrelatedText() {
    List<SeedDocument> edited = SeedImporter.bundledSeeds().stream()
        .map(d -> !d.fileName().equals(Seeds.PLAIN) ? d : new SeedDocument(d.fileName(), d.text()
            .replace("Monkey patching refers to modifying or extending code at runtime.",
                "Monkey patching means changing a module or class at run time, for example in tests.")
            .replace("What is monkey patching in Python?", "\n\nI hope this helps!\n\nWhat is monkey patching in Python?")))
        .toList();
    ImportResult after = SeedImporter.importAll(edited);
    assertThat(after.questions()).extracting(BankQuestion::key)
        .isEqualTo(Seeds.result().questions().stream().map(BankQuestion::key).toList());
    assertThat(after.files()).extracting(FileReport::questionsRead)
        .isEqualTo(Seeds.result().files().stream().map(FileReport::questionsRead).toList());
  }

  @Test
  void twoDocumentsWithOneNameAreRefused() {
    SeedDocument doc = new SeedDocument("same.txt", "What is a list?\nAn ordered sequence.\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SeedImporter.importAll(List.of(doc, doc)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same.txt");
  }
}
