package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text: a question line, then its answer, blank lines anywhere, no numbers and no
 * headings. A line starts a question when it reads like one and the previous question already
 * has an answer; any other line continues the current answer. Position: the question's ordinal.
 * Accepts anything, so it is tried last.
 */
final class PlainPairsParser implements SourceParser {
  private static final Pattern QUESTION_LIKE = Pattern.compile(
      "^(What|How|Why|When|Which|Who|Where|Explain|Describe|Define|Compare|Can|Could|Is|Are|Do|Does|Should|Write|Name|List|Give)\\b.*",
      Pattern.CASE_INSENSITIVE);

  @Override
  public boolean accepts(List<String> lines) {
    return true;
  }

  static boolean looksLikeQuestion(String line) {
    String l = line.strip();
    return l.endsWith("?") || QUESTION_LIKE.matcher(l).matches() && l.length() < 200 && !l.contains(". ");
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    List<RawQuestion> out = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int junk = 0;
    String prompt = null;
    List<String> answer = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) continue;
      boolean answered = answer.stream().anyMatch(a -> !a.isBlank());
      if (looksLikeQuestion(line) && (prompt == null || answered)) {
        if (prompt != null) out.add(new RawQuestion(Integer.toString(out.size() + 1), prompt, answer, null, null));
        prompt = line.strip();
        answer = new ArrayList<>();
      } else if (prompt != null) {
        if (!answer.isEmpty()) answer.add("");
        answer.add(line);
      } else if (TextCleaner.isChatter(line) || TextCleaner.isSeparator(line)) {
        junk++;
      } else {
        unplaced.add(line.strip());
      }
    }
    if (prompt != null) out.add(new RawQuestion(Integer.toString(out.size() + 1), prompt, answer, null, null));
    return new ParsedFile(out, junk, unplaced);
  }
}
