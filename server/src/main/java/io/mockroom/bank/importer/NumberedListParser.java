package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "### Basics"-style sections of numbered questions, each followed by its answer paragraph(s):
 * <pre>
 * ### Data Structures
 * 11. How do you create and manipulate lists in Python?
 * Python lists are …
 * </pre>
 * A numbered line is a question only when it reads like one (ends in "?" or starts like a
 * question), so a numbered step inside an answer stays in the answer. The heading gives the level
 * ("Basics", "Advanced Topics") and/or the topic ("Web Development"). Position: the number,
 * which runs through the whole file.
 */
final class NumberedListParser implements SourceParser {
  private static final Pattern HEADING = Pattern.compile("^#{1,4}\\s+(\\S.*?)\\s*$");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,4})[.)]\\s+(?!\\*\\*|\\[)(\\S.*)$");

  @Override
  public int score(List<String> lines) {
    return (int) Lines.outsideFences(lines).stream().filter(NumberedListParser::isQuestion).count();
  }

  private static boolean isQuestion(String line) {
    Matcher m = NUMBERED.matcher(line);
    return m.matches() && Prompts.looksLikeQuestion(m.group(2));
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    ParsedFile file = new ParsedFile();
    SectionHeading heading = SectionHeading.NONE;
    String position = null;
    String prompt = null;
    List<String> answer = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      boolean fence = TextCleaner.isFence(line);
      if (fence) inFence = !inFence;
      Matcher h = inFence || fence ? null : HEADING.matcher(line);
      boolean question = !inFence && !fence && isQuestion(line);
      if (h != null && h.matches() || question) {
        if (prompt != null) file.add(position, prompt, answer, heading);
        prompt = null;
        answer = new ArrayList<>();
        if (question) {
          Matcher q = NUMBERED.matcher(line);
          q.matches();
          position = q.group(1);
          prompt = q.group(2);
        } else {
          SectionHeading next = SectionHeading.of(h.group(1));
          if (next.isEmpty()) file.junk(); // a document title
          heading = next;
        }
        continue;
      }
      if (prompt != null) {
        answer.add(line);
      } else {
        file.stray(line);
      }
    }
    if (prompt != null) file.add(position, prompt, answer, heading);
    return file;
  }
}
