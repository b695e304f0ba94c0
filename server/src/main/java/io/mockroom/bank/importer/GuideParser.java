package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML/Markdown interview guide: a header and table of contents, then "### Q7: prompt"
 * blocks with a "**Difficulty**: Intermediate" label, ending in a "Back to Top" link. Position:
 * "Q7".
 */
final class GuideParser implements SourceParser {
  private static final Pattern QUESTION = Pattern.compile("^###\\s+Q(\\d+):\\s*(\\S.*)$");
  private static final Pattern DIFFICULTY = Pattern.compile("^\\*\\*Difficulty\\*\\*:?\\s*:?\\s*(\\w+)\\s*$");
  private static final Pattern TOC = Pattern.compile("^\\s*\\d+\\.\\s+\\[.*\\]\\(#.*$");

  @Override
  public boolean accepts(List<String> lines) {
    return lines.stream().anyMatch(l -> QUESTION.matcher(l).matches());
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    List<RawQuestion> out = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int junk = 0;
    String position = null;
    String prompt = null;
    Difficulty difficulty = null;
    List<String> answer = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) inFence = !inFence;
      Matcher q = inFence ? null : QUESTION.matcher(line);
      if (q != null && q.matches()) {
        if (prompt != null) out.add(new RawQuestion(position, prompt, answer, difficulty, null));
        position = "Q" + q.group(1);
        prompt = q.group(2);
        difficulty = null;
        answer = new ArrayList<>();
        continue;
      }
      if (prompt == null) {
        if (line.isBlank()) continue;
        if (TOC.matcher(line).matches() || TextCleaner.isHtmlJunk(line) || TextCleaner.isSeparator(line)
            || line.startsWith("## Table of Contents") || line.strip().startsWith("<") || TextCleaner.isChatter(line)) {
          junk++;
        } else {
          unplaced.add(line.strip());
        }
        continue;
      }
      Matcher d = inFence ? null : DIFFICULTY.matcher(line.strip());
      if (d != null && d.matches() && difficulty == null) {
        difficulty = Difficulty.fromSource(d.group(1)).orElse(null);
      } else {
        answer.add(line);
      }
    }
    if (prompt != null) out.add(new RawQuestion(position, prompt, answer, difficulty, null));
    return new ParsedFile(out, junk, unplaced);
  }
}
