package io.mockroom.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.bank.importer.BankQuestion;
import io.mockroom.bank.importer.FileReport;
import io.mockroom.bank.importer.ImportResult;
import io.mockroom.bank.importer.SeedDocument;
import io.mockroom.bank.importer.SeedImporter;
import io.mockroom.bank.importer.SourceQuestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Randomized invariants of the importer: a generated document of each format with N questions —
 * unique prompts, code with "# comment" lines, chatter and separators between questions — reads
 * as exactly N questions with their code intact and no chatter; document order does not matter.
 */
class GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest {
  static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
      "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};

  record Generated(String prompt, String prose, String code) {}

  static List<Generated> questions(Random r, int n) {
    List<Generated> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String subject = WORDS[r.nextInt(WORDS.length)] + i + " " + WORDS[r.nextInt(WORDS.length)] + "zz" + i;
      String prompt = "How does the " + subject + " routine work?";
      String prose = "The " + subject + " routine returns " + WORDS[r.nextInt(WORDS.length)] + " values. It is used for " + WORDS[r.nextInt(WORDS.length)] + ".";
      String code = r.nextBoolean() ? "# " + WORDS[r.nextInt(WORDS.length)] + " comment\ndef f" + i + "(x):\n    return x + " + i : null;
      out.add(new Generated(prompt, prose, code));
    }
    return out;
  }

  static final String CHATTER = "I hope these questions help you prepare! Let me know if you'd like more.";

  static String guide(List<Generated> qs, Random r) {
    StringBuilder b = new StringBuilder("<div align=\"center\">\n  <h1>Guide</h1>\n</div>\n\n---\n\n## Table of Contents\n\n");
    for (int i = 0; i < qs.size(); i++) b.append(i + 1).append(". [").append(qs.get(i).prompt()).append("](#q").append(i + 1).append(")\n");
    for (int i = 0; i < qs.size(); i++) {
      Generated q = qs.get(i);
      b.append("\n---\n\n### Q").append(i + 1).append(": ").append(q.prompt()).append("\n\n**Difficulty**: Advanced\n\n**Strategy:**\n").append(q.prose()).append("\n\n");
      if (q.code() != null) b.append("**Code Example:**\n```python\n").append(q.code()).append("\n```\n\n");
      b.append("<div align=\"right\"><a href=\"#table-of-contents\">Back to Top ðŸ‘†</a></div>\n");
    }
    return b.toString();
  }

  static String chatExport(List<Generated> qs, Random r) {
    StringBuilder b = new StringBuilder("Here are some Python interview questions with their answers.\n\n### Basic\n");
    for (int i = 0; i < qs.size(); i++) {
      Generated q = qs.get(i);
      if (r.nextInt(5) == 0) b.append("\n").append(CHATTER).append("\n\n### Intermediate\n");
      b.append("**").append(i + 1).append(". Question:**\n").append(q.prompt()).append("\n\n**Answer:**\n").append(q.prose()).append("\n\n");
      if (q.code() != null) b.append("```python<button class=\"flex\"><svg></svg>Copy code</button>").append(q.code()).append("\n\n```\n");
    }
    return b.append("\n_____________________\n").append(CHATTER).append("\n").toString();
  }

  static String numbered(List<Generated> qs, Random r) {
    StringBuilder b = new StringBuilder("Certainly! Here’s a list of questions:\n\n### Basics\n\n");
    for (int i = 0; i < qs.size(); i++) {
      if (r.nextInt(6) == 0) b.append("\n### Advanced Topics\n\n");
      b.append(i + 1).append(". ").append(qs.get(i).prompt()).append("\n").append(qs.get(i).prose()).append("\n\n");
    }
    return b.toString();
  }

  static String sectioned(List<Generated> qs, Random r) {
    StringBuilder b = new StringBuilder("# Python Interview Questions\n\n");
    int section = 0;
    int n = 0;
    for (Generated q : qs) {
      if (n == 0 || r.nextInt(4) == 0) {
        b.append("\n---\n\n## ").append(++section).append(". **Testing and Debugging**\n\n");
        n = 0;
      }
      b.append(++n).append(". **").append(q.prompt()).append("**\n   - **Explanation:** ").append(q.prose()).append("\n\n");
    }
    return b.toString();
  }

  static String plain(List<Generated> qs, Random r) {
    StringBuilder b = new StringBuilder();
    for (Generated q : qs) {
      b.append(q.prompt()).append("\n");
      if (r.nextBoolean()) b.append("\n");
      b.append(q.prose()).append("\n");
      if (r.nextBoolean()) b.append("\n");
    }
    return b.toString();
  }

  @Test
  void everyFormatReadsExactlyItsGeneratedQuestions() {
    List<BiFunction<List<Generated>, Random, String>> formats = List.of(
        GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest::guide,
        GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest::chatExport,
        GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest::numbered,
        GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest::sectioned,
        GeneratedSeedDocumentsParseToExactlyTheirQuestionsTest::plain);
    for (int seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      for (int f = 0; f < formats.size(); f++) {
        List<Generated> qs = questions(r, 1 + r.nextInt(30));
        String text = formats.get(f).apply(qs, r);
        ImportResult result = SeedImporter.importAll(List.of(new SeedDocument("gen.txt", text)));
        String context = "seed " + seed + ", format " + f + "\n" + text;
        FileReport report = result.files().get(0);
        assertThat(report.questionsRead()).as(context).isEqualTo(qs.size());
        assertThat(report.unplaced()).as(context).isEmpty();
        List<SourceQuestion> variants = result.questions().stream().flatMap(q -> q.variants().stream()).toList();
        assertThat(variants).hasSize(qs.size());
        for (SourceQuestion v : variants) {
          Generated g = qs.stream().filter(q -> q.prompt().equals(v.prompt())).findFirst().orElseThrow(() -> new AssertionError("unknown prompt " + v.prompt() + " in " + context));
          assertThat(v.answerMarkdown()).as(context).contains(g.prose()).doesNotContain("Copy code", "<", "I hope", "Back to Top", "___");
          if (g.code() != null && (f == 0 || f == 1)) assertThat(v.answerMarkdown()).as(context).contains("```python\n" + g.code() + "\n```");
        }
      }
    }
  }

  @Test
  void theOrderOfDocumentsDoesNotChangeTheBank() {
    List<SeedDocument> docs = new ArrayList<>(SeedImporter.bundledSeeds());
    ImportResult expected = SeedImporter.importAll(docs);
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(docs, new Random(seed));
      ImportResult shuffled = SeedImporter.importAll(docs);
      assertThat(shuffled.questions().stream().map(BankQuestion::key).toList())
          .isEqualTo(expected.questions().stream().map(BankQuestion::key).toList());
      assertThat(shuffled).isEqualTo(expected);
    }
  }
}
