package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw lines of one answer into clean Markdown.
 *
 * <p>Invariants of the result: every code fence is closed and carries a language; code is kept
 * line for line — a {@code # comment} inside a fence is code, not a heading — only dedented as a
 * block and without the blank lines around it; prose has no HTML, no separator lines, no chatter
 * paragraphs and no filler sentences; blocks (paragraphs, lists, code) are separated by exactly
 * one blank line; no line ends in whitespace. Everything removed is counted as junk.
 */
final class MarkdownAnswer {
  record Result(String markdown, int junkRemoved) {}

  private MarkdownAnswer() {}

  static Result clean(List<String> lines) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> prose = new ArrayList<>();
    List<String> code = null;
    TextCleaner.FenceOpening fence = null;
    int junk = 0;
    for (String raw : lines) {
      String line = raw.replace("\t", "    ").stripTrailing();
      if (code != null) {
        if (TextCleaner.isFence(line) && line.strip().replace("`", "").isBlank()) {
          junk += addCode(blocks, fence, code);
          code = null;
        } else {
          if (TextCleaner.hasCodeJunk(line)) junk++;
          code.add(TextCleaner.cleanCodeLine(line));
        }
        continue;
      }
      if (TextCleaner.isFence(line)) {
        junk += flushProse(blocks, prose);
        prose = new ArrayList<>();
        fence = TextCleaner.cleanFenceOpening(line);
        if (fence.hadJunk()) junk++;
        code = new ArrayList<>();
        if (fence.firstLine() != null) code.add(fence.indent() + fence.firstLine().stripTrailing());
        continue;
      }
      if (TextCleaner.isHtmlBlock(line) || TextCleaner.isSeparator(line)) {
        junk++;
        junk += flushProse(blocks, prose);
        prose = new ArrayList<>();
        continue;
      }
      if (line.isBlank()) {
        junk += flushProse(blocks, prose);
        prose = new ArrayList<>();
        continue;
      }
      TextCleaner.Cut cut = TextCleaner.cutBoilerplate(line);
      junk += cut.removed();
      if (TextCleaner.hasInlineHtml(cut.line())) junk++;
      String text = TextCleaner.stripInlineHtml(cut.line()).stripTrailing();
      if (!text.isBlank()) prose.add(normaliseLabel(text));
    }
    if (code != null) junk += addCode(blocks, fence, code); // an unclosed fence ends with the answer
    junk += flushProse(blocks, prose);

    List<String> out = new ArrayList<>();
    for (List<String> block : blocks) out.add(String.join("\n", block));
    return new Result(String.join("\n\n", out), junk);
  }

  /** Adds a closed, labelled, dedented code block; an empty one is junk. */
  private static int addCode(List<List<String>> blocks, TextCleaner.FenceOpening fence, List<String> body) {
    List<String> lines = trimBlankEnds(dedent(body));
    if (lines.isEmpty()) return 1;
    CodeLanguage.Labelled labelled = CodeLanguage.label(fence.label(), lines);
    List<String> block = new ArrayList<>();
    block.add("```" + labelled.language());
    block.addAll(labelled.body());
    block.add("```");
    blocks.add(block);
    return 0;
  }

  /** Adds a prose paragraph unless it is assistant chatter (then it counts as one piece of junk). */
  private static int flushProse(List<List<String>> blocks, List<String> prose) {
    if (prose.isEmpty()) return 0;
    if (TextCleaner.isChatter(prose.get(0))) return 1;
    blocks.add(nestLabelledItems(dedent(prose)));
    return 0;
  }

  /**
   * "- **Tuple**:" followed by items at its own indentation: the items belong under the label
   * (the source lost the nesting when it mixed {@code <li>} and Markdown), so they are indented.
   */
  private static List<String> nestLabelledItems(List<String> lines) {
    List<String> out = new ArrayList<>();
    String labelIndent = null;
    for (String line : lines) {
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      boolean item = line.stripLeading().startsWith("- ") || line.stripLeading().startsWith("* ");
      if (item && line.endsWith(":")) {
        labelIndent = indent;
        out.add(line);
      } else if (item && indent.equals(labelIndent)) {
        out.add("  " + line);
      } else {
        if (!item) labelIndent = null;
        out.add(line);
      }
    }
    return out;
  }

  /** "**Strategy**:" and "**Strategy:**" are the same label; the answer uses the second. */
  private static String normaliseLabel(String line) {
    return line.replaceFirst("^(\\s*)\\*\\*([^*]{1,40}?)\\*\\*:(\\s|$)", "$1**$2:**$3");
  }

  static List<String> dedent(List<String> lines) {
    int min = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) min = Math.min(min, l.length() - l.stripLeading().length());
    }
    if (min == 0 || min == Integer.MAX_VALUE) return lines;
    int cut = min;
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(cut)).toList();
  }

  private static List<String> trimBlankEnds(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) from++;
    while (to > from && lines.get(to - 1).isBlank()) to--;
    return lines.subList(from, to).stream().map(String::stripTrailing).toList();
  }

  /** A prompt on one line: no Markdown emphasis, no HTML, single spaces. */
  static String prompt(String raw) {
    return TextCleaner.stripBold(TextCleaner.stripInlineHtml(raw))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
