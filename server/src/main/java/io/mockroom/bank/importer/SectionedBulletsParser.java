package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered sections of bold numbered questions, each answered by an indented
 * "- **Explanation:** …" bullet:
 * <pre>
 * ## 2. **Object-Oriented Programming (OOP)**
 * 1. **What is the difference between …?**
 *    - **Explanation:** …
 * </pre>
 * Numbers restart in every section, so the position is "section.number" ("2.3"); the section
 * name is the topic. The answer is the explanation's text without its label.
 */
final class SectionedBulletsParser implements SourceParser {
  private static final Pattern SECTION = Pattern.compile("^#{2,3}\\s+(?:(\\d+)[.)]\\s+)?(\\S.*?)\\s*$");
  private static final Pattern QUESTION = Pattern.compile("^(\\d+)[.)]\\s+\\*\\*(.+?)\\*\\*\\s*$");
  private static final Pattern EXPLANATION = Pattern.compile(
      "^(\\s*)[-*]\\s+\\*\\*(?:Explanation|Answer)\\s*:\\s*\\*\\*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  @Override
  public int score(List<String> lines) {
    return (int) Lines.outsideFences(lines).stream().filter(l -> EXPLANATION.matcher(l).matches()).count();
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    ParsedFile file = new ParsedFile();
    String section = null;
    int sectionsSeen = 0;
    SectionHeading heading = SectionHeading.NONE;
    String position = null;
    String prompt = null;
    List<String> answer = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      boolean fence = TextCleaner.isFence(line);
      if (fence) inFence = !inFence;
      Matcher s = inFence || fence ? null : SECTION.matcher(line);
      Matcher q = inFence || fence ? null : QUESTION.matcher(line);
      if (s != null && s.matches() || q != null && q.matches()) {
        if (prompt != null) file.add(position, prompt, answer, heading);
        prompt = null;
        answer = new ArrayList<>();
        if (s.matches()) {
          sectionsSeen++;
          section = s.group(1) != null ? s.group(1) : Integer.toString(sectionsSeen);
          heading = SectionHeading.of(s.group(2));
        } else {
          position = section == null ? q.group(1) : section + "." + q.group(1);
          prompt = q.group(2);
        }
        continue;
      }
      if (prompt == null) {
        file.stray(line);
        continue;
      }
      Matcher e = inFence || fence ? null : EXPLANATION.matcher(line);
      if (e != null && e.matches() && answer.stream().allMatch(String::isBlank)) {
        // The label goes; continuation lines keep their indentation relative to the bullet's text.
        answer.add(" ".repeat(e.group(1).length() + 2) + e.group(2));
      } else {
        answer.add(line);
      }
    }
    if (prompt != null) file.add(position, prompt, answer, heading);
    return file;
  }
}
