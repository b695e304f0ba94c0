package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two to five points an interviewer can tick while the candidate answers, taken from the
 * reference answer's prose (sentences and bullets, code left out), shortened to one line each.
 * Deterministic: the same answer always gives the same points.
 */
final class KeyPoints {
  static final int MIN = 2;
  static final int MAX = 5;
  static final int MAX_LENGTH = 140;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`(])");
  private static final Pattern LABEL = Pattern.compile("^\\*\\*[^*]{1,40}:?\\*\\*:?\\s*");

  private KeyPoints() {}

  static List<String> of(String prompt, String answerMarkdown) {
    List<String> points = new ArrayList<>();
    boolean hasCode = false;
    boolean inFence = false;
    for (String line : answerMarkdown.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        hasCode = true;
        continue;
      }
      if (inFence) continue;
      String l = LABEL.matcher(line.strip().replaceFirst("^([-*]|\\d+\\.)\\s+", "")).replaceFirst("").strip();
      if (l.isEmpty()) continue;
      for (String sentence : SENTENCE_END.split(l)) add(points, sentence);
    }
    if (points.size() < MIN) {
      // One long sentence: its clauses are separate points.
      List<String> split = new ArrayList<>();
      for (String p : points) for (String part : p.split(";\\s+|,\\s+(?=(?:while|whereas|but|which|reducing|improving|making|allowing|so that|and then)\\b)")) add(split, part);
      if (split.size() > points.size()) points = split;
    }
    if (points.size() < MIN && hasCode) fromCode(answerMarkdown, points);
    if (points.size() < MIN && hasCode) points.add("Shows it in working code, like the reference example");
    if (points.size() < MIN) points.add("Gives a concrete example of when to use it");
    if (points.size() < MIN) points.add("Explains " + shorten(prompt.replaceAll("\\?$", "")).toLowerCase());
    return List.copyOf(points.subList(0, Math.min(MAX, points.size())));
  }

  private static final Pattern DEF = Pattern.compile("^\\s*def (\\w+)\\(([^)]*)\\)");
  private static final Pattern CLASS = Pattern.compile("^\\s*class (\\w+)");
  private static final Pattern RETURN = Pattern.compile("^\\s*return (.+)$");
  private static final Pattern IMPORT = Pattern.compile("^\\s*(?:from|import) ([\\w.]+)");

  /** For an answer that is only code: what the code does, as points ("Writes `f(x)`", "Returns `…`"). */
  private static void fromCode(String answer, List<String> points) {
    boolean inFence = false;
    for (String line : answer.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (!inFence || points.size() >= MAX) continue;
      var m = IMPORT.matcher(line);
      if (m.find()) add(points, "Uses the `" + m.group(1) + "` module");
      m = CLASS.matcher(line);
      if (m.find()) add(points, "Defines a class `" + m.group(1) + "`");
      m = DEF.matcher(line);
      if (m.find()) add(points, "Writes a function `" + m.group(1) + "(" + m.group(2).strip() + ")`");
      m = RETURN.matcher(line);
      if (m.find() && m.group(1).length() <= 60) add(points, "Returns `" + m.group(1).strip() + "`");
      if (line.contains("yield ")) add(points, "Produces values lazily with `yield`");
      if (line.strip().startsWith("with ")) add(points, "Manages the resource with a `with` block");
    }
  }

  private static void add(List<String> points, String text) {
    String t = text.replace("**", "").strip();
    if (t.length() < 12 || t.endsWith(":")) return; // labels ("For example:") are not points
    String p = shorten(Character.toUpperCase(t.charAt(0)) + t.substring(1));
    if (!points.contains(p)) points.add(p);
  }

  private static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.length() <= MAX_LENGTH) return t.replaceAll("[.]$", "");
    int cut = t.lastIndexOf(' ', MAX_LENGTH - 1);
    return t.substring(0, cut > 40 ? cut : MAX_LENGTH - 1).replaceAll("[,;:]$", "") + "…";
  }
}
