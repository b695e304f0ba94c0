package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "### Basics" sections of "1. Question?" lines, each followed by its answer paragraph(s), with no
 * code fences. Position: the question's number.
 */
final class NumberedSectionsParser implements SourceParser {
  private static final Pattern HEADING = Pattern.compile("^#{2,3}\\s+(.+?)\\s*$");
  private static final Pattern QUESTION = Pattern.compile("^(\\d+)\\.\\s+(\\S.*)$");

  @Override
  public boolean accepts(List<String> lines) {
    long numbered = lines.stream().filter(l -> QUESTION.matcher(l).matches()).count();
    long headings = lines.stream().filter(l -> l.startsWith("### ")).count();
    return numbered >= 1 && headings >= 1 && lines.stream().noneMatch(l -> l.contains("```"));
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    List<RawQuestion> out = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int junk = 0;
    String heading = null;
    String position = null;
    String prompt = null;
    List<String> answer = new ArrayList<>();
    for (String line : lines) {
      Matcher h = HEADING.matcher(line);
      Matcher q = QUESTION.matcher(line);
      if (h.matches() || q.matches()) {
        if (prompt != null) out.add(raw(position, prompt, answer, heading));
        prompt = null;
        answer = new ArrayList<>();
        if (h.matches()) {
          heading = h.group(1);
        } else {
          position = q.group(1);
          prompt = q.group(2);
        }
      } else if (prompt != null) {
        answer.add(line);
      } else if (!line.isBlank()) {
        if (TextCleaner.isChatter(line) || TextCleaner.isSeparator(line)) junk++;
        else unplaced.add(line.strip());
      }
    }
    if (prompt != null) out.add(raw(position, prompt, answer, heading));
    return new ParsedFile(out, junk, unplaced);
  }

  private static RawQuestion raw(String position, String prompt, List<String> answer, String heading) {
    Difficulty d = heading == null ? null : Difficulty.fromSource(heading.split("\\s+")[0]).orElse(null);
    return new RawQuestion(position, prompt, answer, d, heading);
  }
}
