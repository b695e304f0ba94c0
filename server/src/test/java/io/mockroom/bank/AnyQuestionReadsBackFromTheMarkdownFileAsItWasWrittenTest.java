package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown file is unambiguous: random questions whose prompts and answers are made of the
 * file's own structure lines (with and without backslashes before them), fences, list items that
 * look like its topic and key point lines, blank lines and ordinary text read back exactly as they
 * were written, field by field and in order.
 */
class AnyQuestionReadsBackFromTheMarkdownFileAsItWasWrittenTest {
  private static final String[] LINES = {
      "## Question", "## Question 7", "## question: what?", "### Prompt", "### Key points", "### reference ANSWER",
      "\\## Question 2", "\\\\### Prompt", "\\", "\\\\", "## Questions", "##Question", "# Title", "---",
      "- Topic: Sneaky", "- Difficulty: advanced", "- a list item", "* another", "```python", "```", "~~~",
      "    indented code", "\ttab", "trailing   ", "", "", "Plain words.", "Émoji 🦆 and ünïcödé", "<b>html</b>",
  };

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  static String text(Random random, int maxLines) {
    List<String> lines = new ArrayList<>();
    int n = 1 + random.nextInt(maxLines);
    for (int i = 0; i < n; i++) lines.add(LINES[random.nextInt(LINES.length)]);
    lines.add(1 + random.nextInt(lines.size()), "Words " + random.nextInt(1000)); // never blank as a whole
    return String.join("\n", lines).strip();
  }

  static QuestionDraft question(Random random) {
    List<String> keyPoints = new ArrayList<>();
    for (int i = random.nextInt(13); i > 0; i--) {
      String k = random.nextBoolean() ? "Point " + i : LINES[random.nextInt(LINES.length)].strip();
      if (!k.isEmpty()) keyPoints.add(k);
    }
    String answer = random.nextInt(5) == 0 ? "" : text(random, 30);
    return new QuestionDraft(text(random, 4), answer, "Topic " + random.nextInt(5),
        Difficulty.ALL.get(random.nextInt(3)), List.copyOf(keyPoints)).validated();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writtenThenReadGivesTheSameQuestions(long seed) {
    Random random = new Random(seed);
    List<QuestionDraft> written = new ArrayList<>();
    for (int i = 1 + random.nextInt(20); i > 0; i--) written.add(question(random));

    String file = MarkdownQuestions.write("Org\n## Question", OffsetDateTime.parse("2026-12-02T10:00:00Z"), written);
    QuestionFile.Read read = QuestionFile.read(file.getBytes(StandardCharsets.UTF_8));

    assertThat(read.format()).isEqualTo(QuestionFile.Format.MARKDOWN);
    assertThat(read.questions()).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      QuestionFile.Entry e = read.questions().get(i);
      assertThat(e.problem()).as("question %d of\n%s", i + 1, file).isNull();
      assertThat(e.index()).isEqualTo(i + 1);
      assertThat(e.draft().validated()).as("question %d of\n%s", i + 1, file).isEqualTo(written.get(i));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void windowsLineEndsReadAsTheSameQuestions(long seed) {
    Random random = new Random(seed);
    List<QuestionDraft> written = List.of(question(random), question(random));
    String file = MarkdownQuestions.write("Org", OffsetDateTime.parse("2026-12-02T10:00:00Z"), written).replace("\n", "\r\n");
    List<QuestionFile.Entry> read = QuestionFile.read(file.getBytes(StandardCharsets.UTF_8)).questions();
    assertThat(read).extracting(e -> e.draft().validated()).containsExactlyElementsOf(written);
  }
}
