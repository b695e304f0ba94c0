package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a question's raw answer lines into clean Markdown: copy-button HTML out of code fences,
 * HTML and separator lines out of prose, mojibake repaired, assistant chatter paragraphs dropped
 * (and counted), code kept line for line — a "# comment" inside a fence is code, not a heading —
 * and every fence closed.
 */
final class MarkdownAnswer {
  record Result(String markdown, int junkRemoved) {}

  private MarkdownAnswer() {}

  static Result clean(List<String> lines) {
    List<List<String>> blocks = new ArrayList<>(); // prose paragraphs and whole code blocks
    List<String> current = new ArrayList<>();
    boolean inFence = false;
    int junk = 0;
    for (String raw : lines) {
      String line = TextCleaner.fixMojibake(raw.replace("\t", "    ").stripTrailing());
      if (line.strip().startsWith("```")) {
        String fence = TextCleaner.cleanFence(line.strip());
        if (!fence.equals(line.strip())) junk++;
        if (!inFence) {
          flush(blocks, current);
          current = new ArrayList<>();
          current.add(fence);
          String sameLine = TextCleaner.codeAfterFenceJunk(line.strip());
          if (!sameLine.isBlank()) current.add(sameLine);
          inFence = true;
        } else {
          trimTrailingBlank(current);
          current.add("```");
          flush(blocks, current);
          current = new ArrayList<>();
          inFence = false;
        }
        continue;
      }
      if (inFence) {
        current.add(line.replace("Copy code", ""));
        continue;
      }
      if (TextCleaner.isHtmlJunk(line) || TextCleaner.isSeparator(line)) {
        junk++;
        flush(blocks, current);
        current = new ArrayList<>();
        continue;
      }
      if (line.isBlank()) {
        flush(blocks, current);
        current = new ArrayList<>();
        continue;
      }
      current.add(TextCleaner.stripInlineTags(line));
    }
    if (inFence) {
      trimTrailingBlank(current);
      current.add("```");
    }
    flush(blocks, current);

    List<String> kept = new ArrayList<>();
    for (List<String> block : blocks) {
      boolean code = block.get(0).startsWith("```");
      if (!code && TextCleaner.isChatter(block.get(0))) {
        junk++;
        continue;
      }
      kept.add(String.join("\n", block));
    }
    return new Result(String.join("\n\n", kept).strip(), junk);
  }

  private static void flush(List<List<String>> blocks, List<String> block) {
    if (block.stream().anyMatch(l -> !l.isBlank())) blocks.add(block);
  }

  private static void trimTrailingBlank(List<String> block) {
    while (block.size() > 1 && block.get(block.size() - 1).isBlank()) block.remove(block.size() - 1);
  }

  /** A prompt on one line, without Markdown emphasis or mojibake. */
  static String prompt(String raw) {
    return TextCleaner.stripInlineTags(TextCleaner.fixMojibake(raw))
        .replace("**", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
