package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat export: "**12. Question:**" then the question, "**Answer:**" then the answer, under
 * "### Basic/Intermediate/Advanced" headings (difficulty) or topic headings ("### Web
 * Development"). Code fences carry copy-button HTML; "#" lines inside them are code. Position:
 * the question's number.
 */
final class QuestionAnswerBlocksParser implements SourceParser {
  private static final Pattern HEADING = Pattern.compile("^###\\s+(.+?)\\s*$");
  private static final Pattern QUESTION = Pattern.compile("^\\*\\*(\\d+)\\.\\s*Question:\\*\\*\\s*(.*)$");
  private static final Pattern ANSWER = Pattern.compile("^\\*\\*Answer:\\*\\*\\s*(.*)$");

  @Override
  public boolean accepts(List<String> lines) {
    return lines.stream().anyMatch(l -> QUESTION.matcher(l).matches());
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    List<RawQuestion> out = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int junk = 0;
    Difficulty difficulty = null;
    String topic = null;
    String position = null;
    StringBuilder prompt = null;
    List<String> answer = new ArrayList<>();
    boolean inAnswer = false;
    boolean inFence = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) inFence = !inFence;
      if (!inFence) {
        Matcher h = HEADING.matcher(line);
        Matcher q = QUESTION.matcher(line);
        if (h.matches() || q.matches()) {
          if (prompt != null) out.add(new RawQuestion(position, prompt.toString(), answer, difficulty, topic));
          prompt = null;
          answer = new ArrayList<>();
          inAnswer = false;
          if (h.matches()) {
            var level = Difficulty.fromSource(h.group(1));
            difficulty = level.orElse(null);
            topic = level.isPresent() ? null : h.group(1);
          } else {
            position = q.group(1);
            prompt = new StringBuilder(q.group(2).strip());
          }
          continue;
        }
        Matcher a = ANSWER.matcher(line);
        if (prompt != null && !inAnswer && a.matches()) {
          inAnswer = true;
          if (!a.group(1).isBlank()) answer.add(a.group(1));
          continue;
        }
      }
      if (prompt != null && !inAnswer) {
        if (!line.isBlank()) prompt.append(prompt.length() == 0 ? "" : " ").append(line.strip());
      } else if (prompt != null) {
        answer.add(line);
      } else if (!line.isBlank()) {
        if (TextCleaner.isChatter(line) || TextCleaner.isSeparator(line)) junk++;
        else unplaced.add(line.strip());
      }
    }
    if (prompt != null) out.add(new RawQuestion(position, prompt.toString(), answer, difficulty, topic));
    return new ParsedFile(out, junk, unplaced);
  }
}
