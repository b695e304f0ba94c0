package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each seed is parsed by the parser its content calls for, whatever the file is called. */
class ParsersAreChosenByContentNotByFileNameTest {

  @Test
  void eachSeedFindsItsParser() {
    for (SeedDocument d : SeedImporter.bundledSeeds()) {
      Class<?> expected = switch (d.fileName()) {
        case Seeds.NUMBERED -> NumberedListParser.class;
        case Seeds.GUIDE -> GuideParser.class;
        case Seeds.CHAT -> ChatExportParser.class;
        case Seeds.SECTIONED -> SectionedBulletsParser.class;
        default -> PlainPairsParser.class;
      };
      assertThat(SeedImporter.parserFor(SeedImporter.lines(d.text()))).as(d.fileName()).isInstanceOf(expected);
    }
  }

  @Test
  void renamedSeedsReadTheSameQuestions() {
    List<SeedDocument> renamed = SeedImporter.bundledSeeds().stream()
        .map(d -> new SeedDocument("renamed-" + d.fileName().substring(4), d.text()))
        .toList();
    ImportResult result = SeedImporter.importAll(renamed);
    assertThat(result.files()).extracting(FileReport::questionsRead)
        .isEqualTo(Seeds.result().files().stream().map(FileReport::questionsRead).toList());
    assertThat(result.questions()).hasSameSizeAs(Seeds.result().questions());
  }

  @Test
  void aNumberedStepInsideCodeIsNotAQuestionAndAHashCommentIsNotAHeading() {
    String text = """
        ### Basics

        1. How do you loop over a list?
        Use a for loop:
        ```python
        # Advanced
        2. What is this?  # not a question
        for x in items:
            print(x)
        ```

        2. What is a tuple?
        An immutable sequence.
        """;
    ImportResult result = SeedImporter.importAll(List.of(new SeedDocument("x.txt", text)));
    assertThat(result.files().get(0).questionsRead()).isEqualTo(2);
    SourceQuestion first = result.questions().get(0).variants().get(0);
    assertThat(first.answerMarkdown()).isEqualTo("""
        Use a for loop:

        ```python
        # Advanced
        2. What is this?  # not a question
        for x in items:
            print(x)
        ```""");
    assertThat(result.questions().get(1).variants().get(0).difficulty()).isEqualTo(Difficulty.BEGINNER);
  }
}
