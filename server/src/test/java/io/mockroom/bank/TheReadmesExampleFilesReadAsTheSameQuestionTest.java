package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's JSON and Markdown examples of a file of questions are files the import reads, and the same question. */
class TheReadmesExampleFilesReadAsTheSameQuestionTest {

  static String example(String readme, String language) {
    String section = readme.substring(readme.indexOf("### Your own questions: import and export"), readme.indexOf("## HTTP API"));
    Matcher m = Pattern.compile("```" + language + "\n(.*?)\n```\n", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a ```%s example in the README's section", language).isTrue();
    return m.group(1);
  }

  static QuestionDraft only(String file) {
    QuestionFile.Read read = QuestionFile.read(file.getBytes(StandardCharsets.UTF_8));
    assertThat(read.questions()).hasSize(1);
    assertThat(read.questions().get(0).problem()).isNull();
    return read.questions().get(0).draft().validated();
  }

  @Test
  void bothExamplesReadAsOneValidQuestion() throws Exception {
    Path readme = Files.exists(Path.of("README.md")) && Files.exists(Path.of("server")) ? Path.of("README.md") : Path.of("..", "README.md");
    String text = Files.readString(readme);
    QuestionDraft json = only(example(text, "json"));
    QuestionDraft markdown = only(example(text, "markdown"));
    assertThat(markdown).isEqualTo(json);
    assertThat(json.keyPoints()).hasSize(2);
  }
}
