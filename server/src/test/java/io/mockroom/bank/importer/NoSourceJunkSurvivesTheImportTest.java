package io.mockroom.bank.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing the seeds carry besides questions reaches a prompt, an answer, an alternate or a key point. */
class NoSourceJunkSurvivesTheImportTest {
  static final List<String> JUNK = List.of(
      "Copy code", "<button", "<svg", "<span", "<div", "<a href", "<li", "<img", "<h1", "<p>", "</", "class=\"",
      "gizmo:", "â€", "ðŸ", "Ã", "Â", "\uFFFD", "Back to Top", "table-of-contents", "Certainly!", "Here are some Python",
      "Here are more", "I hope these", "If you'd like more", "If you'd like to", "Let me know", "let me know",
      "Feel free", "This concept is fundamental", "commonly asked in interviews", "**Difficulty**", "Question:**",
      "**Answer:**", "**Explanation:**");

  /** Every text the import produces, labelled with where it came from. */
  static List<String[]> texts() {
    List<String[]> out = new ArrayList<>();
    for (BankQuestion q : Seeds.result().questions()) {
      out.add(new String[] {q.key() + " prompt", q.prompt()});
      out.add(new String[] {q.key() + " answer", q.answerMarkdown()});
      for (Alternate a : q.alternates()) out.add(new String[] {q.key() + " alternate " + a.source(), a.answerMarkdown()});
      for (String k : q.keyPoints()) out.add(new String[] {q.key() + " key point", k});
      for (SourceQuestion v : q.variants()) {
        out.add(new String[] {v.ref() + " prompt", v.prompt()});
        out.add(new String[] {v.ref() + " answer", v.answerMarkdown()});
      }
    }
    return out;
  }

  @Test
  void noJunkStringAnywhere() {
    List<String[]> texts = texts();
    assertThat(texts).hasSizeGreaterThan(1500);
    for (String[] t : texts) {
      for (String junk : JUNK) assertThat(t[1]).as("'%s' in %s: %s", junk, t[0], t[1]).doesNotContain(junk);
    }
  }

  @Test
  void noSeparatorLinesHeadingsOrBlankRunsOutsideCodeAndEveryFenceIsClosedAndLabelled() {
    for (String[] t : texts()) {
      boolean inFence = false;
      String previous = "x";
      for (String line : t[1].split("\n", -1)) {
        if (line.startsWith("```")) {
          if (!inFence) assertThat(line).as("fence language in %s", t[0]).matches("```[a-z]+");
          else assertThat(line).isEqualTo("```");
          inFence = !inFence;
        } else if (!inFence) {
          assertThat(line).as("separator in %s", t[0]).doesNotMatch("^\\s*([-_*=]\\s*){3,}$");
          assertThat(line).as("heading in %s", t[0]).doesNotMatch("^#{1,6} .*");
          assertThat(line.isBlank() && previous.isBlank()).as("blank run in %s", t[0]).isFalse();
          assertThat(line).as("trailing space in %s", t[0]).isEqualTo(line.stripTrailing());
        }
        previous = line;
      }
      assertThat(inFence).as("every fence is closed in %s", t[0]).isFalse();
      assertThat(t[1]).as("trimmed: %s", t[0]).isEqualTo(t[1].strip());
      assertThat(t[1]).as("non-empty: %s", t[0]).isNotBlank();
    }
  }

  @Test
  void hashCommentsInsideCodeSurviveAsCode() {
    long commentLines = Seeds.result().questions().stream()
        .flatMap(q -> q.variants().stream())
        .flatMap(v -> codeLines(v.answerMarkdown()).stream())
        .filter(l -> l.strip().startsWith("# "))
        .count();
    assertThat(commentLines).isGreaterThan(40);
  }

  static List<String> codeLines(String markdown) {
    List<String> out = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) inFence = !inFence;
      else if (inFence) out.add(line);
    }
    return out;
  }
}
