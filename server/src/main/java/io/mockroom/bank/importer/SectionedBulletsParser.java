package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "## 2. **Object-Oriented Programming (OOP)**" sections of "1. **Question?**" items whose
 * answer is a "- **Explanation:** …" bullet. Numbers restart in each section, so the position is
 * "section.number" ("2.3").
 */
final class SectionedBulletsParser implements SourceParser {
  private static final Pattern SECTION = Pattern.compile("^##\\s+(\\d+)\\.\\s+\\*\\*(.+?)\\*\\*\\s*$");
  private static final Pattern QUESTION = Pattern.compile("^(\\d+)\\.\\s+\\*\\*(.+?)\\*\\*\\s*$");
  private static final Pattern EXPLANATION = Pattern.compile("^\\s*[-*]\\s+\\*\\*(Explanation|Answer):\\*\\*\\s*");

  @Override
  public boolean accepts(List<String> lines) {
    return lines.stream().anyMatch(l -> EXPLANATION.matcher(l).find());
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    List<RawQuestion> out = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int junk = 0;
    String section = "0";
    String topic = null;
    String position = null;
    String prompt = null;
    List<String> answer = new ArrayList<>();
    for (String line : lines) {
      Matcher s = SECTION.matcher(line);
      Matcher q = QUESTION.matcher(line);
      if (s.matches() || q.matches()) {
        if (prompt != null) out.add(new RawQuestion(position, prompt, answer, null, topic));
        prompt = null;
        answer = new ArrayList<>();
        if (s.matches()) {
          section = s.group(1);
          topic = s.group(2);
        } else {
          position = section + "." + q.group(1);
          prompt = q.group(2);
        }
      } else if (prompt != null && !TextCleaner.isSeparator(line)) {
        answer.add(EXPLANATION.matcher(line).replaceFirst("").stripTrailing());
      } else if (!line.isBlank()) {
        if (line.startsWith("# ") || TextCleaner.isSeparator(line) || TextCleaner.isChatter(line)) junk++;
        else unplaced.add(line.strip());
      }
    }
    if (prompt != null) out.add(new RawQuestion(position, prompt, answer, null, topic));
    return new ParsedFile(out, junk, unplaced);
  }
}
