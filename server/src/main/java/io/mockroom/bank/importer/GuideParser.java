package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML/Markdown interview guide: an HTML header, a table of contents whose entries carry
 * {@code <span class="intermediate">} tags, then "### Q7: prompt" blocks with a
 * "**Difficulty**: Intermediate" label, each ending in a "Back to Top" link and a rule.
 * Position: "Q7" (the guide's own number, which its anchors use too).
 *
 * <p>Difficulty comes from the block's label; when a block has none, from a span tag on its
 * heading or from its table-of-contents entry. The guide has no topic headings.
 */
final class GuideParser implements SourceParser {
  private static final Pattern QUESTION = Pattern.compile("^#{2,4}\\s+Q(\\d+)\\s*[:.)]\\s*(\\S.*)$");
  private static final Pattern LABEL = Pattern.compile(
      "^\\*\\*Difficulty(?::\\*\\*|\\*\\*\\s*:)\\s*([A-Za-z]+)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOC_NUMBER = Pattern.compile("^\\s*(\\d+)\\.\\s+\\[");

  @Override
  public int score(List<String> lines) {
    return (int) Lines.outsideFences(lines).stream().filter(l -> QUESTION.matcher(l).matches()).count();
  }

  @Override
  public ParsedFile parse(List<String> lines) {
    ParsedFile file = new ParsedFile();
    Map<String, Difficulty> tocLevels = new HashMap<>();
    String number = null;
    String prompt = null;
    Difficulty label = null;
    List<String> answer = new ArrayList<>();
    boolean inFence = false;
    for (String line : lines) {
      if (TextCleaner.isFence(line)) inFence = !inFence;
      Matcher q = inFence ? null : QUESTION.matcher(line);
      if (q != null && q.matches()) {
        if (prompt != null) file.add("Q" + number, prompt, answer, level(label, tocLevels.get(number)));
        number = q.group(1);
        Difficulty tagged = TextCleaner.spanDifficulty(q.group(2));
        prompt = q.group(2).replaceAll("<span\\b[^>]*>[^<]*</span>", "");
        label = tagged;
        answer = new ArrayList<>();
        continue;
      }
      if (prompt == null) {
        Matcher toc = TOC_NUMBER.matcher(line);
        Difficulty tocLevel = TextCleaner.spanDifficulty(line);
        if (TextCleaner.isTocEntry(line) && toc.find() && tocLevel != null) tocLevels.put(toc.group(1), tocLevel);
        file.stray(line);
        continue;
      }
      Matcher d = inFence ? null : LABEL.matcher(line.strip());
      if (d != null && d.matches() && Difficulty.fromSource(d.group(1)).isPresent()) {
        label = Difficulty.fromSource(d.group(1)).get();
      } else {
        answer.add(line);
      }
    }
    if (prompt != null) file.add("Q" + number, prompt, answer, level(label, tocLevels.get(number)));
    return file;
  }

  private static SectionHeading level(Difficulty label, Difficulty toc) {
    return new SectionHeading(label != null ? label : toc, null);
  }
}
