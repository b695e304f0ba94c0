package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat transcript pasted together from several assistant replies: "**12. Question:**", the
 * question on the next line(s), "**Answer:**", the answer with code fences (whose opening lines
 * carry the chat UI's copy-button HTML), under "### Basic" / "### Intermediate" / "### Advanced"
 * level headings or topic headings ("### Web Development"). Position: the question's number.
 *
 * <p>Each reply ends in chatter ("I hope these questions…") and the next one starts with its own
 * headings — or with none. So chatter outside code ends the current question and also ends the
 * current heading's reach: questions after it that have no heading of their own get an inferred
 * difficulty instead of the previous reply's "Advanced".
 */
final class ChatExportParser implements SourceParser {
  private static final Pattern HEADING = Pattern.compile("^#{1,4}\\s+(\\S.*?)\\s*$");
  private static final Pattern QUESTION = Pattern.compile("^\\*\\*(?:Q(?:uestion)?\\s*)?(\\d+)[.:)]?\\s*Question:?\\*\\*:?\\s*(.*)$");
  private static final Pattern ANSWER = Pattern.compile("^\\*\\*Answer:?\\*\\*:?\\s*(.*)$");

  @Override
  public int score(List<String> lines) {
    return (int) Lines.outsideFences(lines).stream().filter(l -> QUESTION.matcher(l.strip()).matches()).count();
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    ParsedFile file = new ParsedFile();
    SectionHeading heading = SectionHeading.NONE;
    String position = null;
    StringBuilder prompt = null;
    List<String> answer = new ArrayList<>();
    boolean inAnswer = false;
    boolean inFence = false;
    for (String line : lines) {
      if (TextCleaner.isFence(line)) inFence = !inFence;
      if (!inFence && !TextCleaner.isFence(line)) {
        Matcher h = HEADING.matcher(line);
        Matcher q = QUESTION.matcher(line.strip());
        boolean chatter = TextCleaner.isChatter(line);
        if (h.matches() || q.matches() || chatter) {
          if (prompt != null) file.add(position, prompt.toString(), answer, heading);
          prompt = null;
          answer = new ArrayList<>();
          inAnswer = false;
          if (h.matches()) {
            SectionHeading next = SectionHeading.of(h.group(1));
            if (next.isEmpty()) file.junk(); // a title such as "# Python questions"
            heading = next;
          } else if (q.matches()) {
            position = q.group(1);
            prompt = new StringBuilder(q.group(2).strip());
          } else {
            file.junk();
            heading = SectionHeading.NONE;
          }
          continue;
        }
        Matcher a = ANSWER.matcher(line.strip());
        if (prompt != null && a.matches() && answer.stream().allMatch(String::isBlank)) {
          inAnswer = true;
          answer = new ArrayList<>();
          if (!a.group(1).isBlank()) answer.add(a.group(1));
          continue;
        }
      }
      if (prompt != null && !inAnswer) {
        // The question runs to "**Answer:**", or to its first blank line when the label is missing.
        if (!line.isBlank()) prompt.append(prompt.length() == 0 ? "" : " ").append(line.strip());
        else if (prompt.length() > 0) inAnswer = true;
      } else if (prompt != null) {
        answer.add(line);
      } else {
        file.stray(line);
      }
    }
    if (prompt != null) file.add(position, prompt.toString(), answer, heading);
    return file;
  }
}
