package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: a question line, then its answer, with blank lines anywhere and no numbers and no
 * headings. A line starts a question when it reads like one ({@link Prompts#looksLikeQuestion});
 * any other line continues the current answer. Position: the question's ordinal in the file —
 * the only identity the format gives it; it survives edits to any answer, blank lines and
 * chatter, but not a question inserted above it. This parser recognises no marker of its own
 * ({@link #score} is 0): it is the fallback for text no other parser claims.
 */
final class PlainPairsParser implements SourceParser {
  @Override
  public int score(List<String> lines) {
    return 0;
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    ParsedFile file = new ParsedFile();
    String prompt = null;
    List<String> answer = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      boolean fence = TextCleaner.isFence(line);
      if (fence) inFence = !inFence;
      boolean outside = !inFence && !fence;
      if (outside && TextCleaner.isChatter(line)) {
        file.junk();
        continue;
      }
      if (outside && Prompts.looksLikeQuestion(line)) {
        if (prompt != null) file.add(Integer.toString(file.questions().size() + 1), prompt, answer, null);
        prompt = line.strip();
        answer = new ArrayList<>();
      } else if (prompt != null) {
        answer.add(line);
      } else {
        file.stray(line);
      }
    }
    if (prompt != null) file.add(Integer.toString(file.questions().size() + 1), prompt, answer, null);
    return file;
  }
}
