package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two to five points an interviewer can tick while the candidate answers, derived from the
 * reference answer: its sentences and bullets in order, without Markdown emphasis, one line each,
 * shortened to {@link #MAX_LENGTH} characters. When the reference answer has too little prose,
 * its long sentences are split at their clauses, then the alternates' prose is used, then what its
 * code does ("Writes a function `f(x)`"), and only then a generic point. Invariants: 2–5 points,
 * none blank, none containing a code fence; the same answers always give the same points.
 */
final class KeyPoints {
  static final int MIN = 2;
  static final int MAX = 5;
  static final int MAX_LENGTH = 140;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`(])");
  private static final Pattern LABEL = Pattern.compile("^\\*\\*[^*]{1,40}?:?\\*\\*:?\\s*");
  private static final Pattern CLAUSE = Pattern.compile(
      ";\\s+|,\\s+(?=(?:while|whereas|but|which|reducing|improving|making|allowing|so that|and then)\\b)");

  private KeyPoints() {}

  static List<String> of(String prompt, String answer, List<String> alternates) {
    List<String> points = new ArrayList<>();
    fromProse(answer, points, MAX);
    if (points.size() < MIN) {
      // One long sentence: its clauses are separate points.
      List<String> split = new ArrayList<>();
      for (String p : points) for (String part : CLAUSE.split(p)) add(split, part);
      if (split.size() > points.size()) points = split;
    }
    for (String alternate : alternates) {
      if (points.size() < MIN) fromProse(alternate, points, MIN); // the reference answer's points come first
    }
    if (points.size() < MIN) fromCode(answer, points);
    if (points.size() < MIN && answer.contains("```")) add(points, "Shows it in working code, like the reference example");
    if (points.size() < MIN) add(points, "Gives a concrete example of when to use it");
    if (points.size() < MIN) add(points, "Explains " + shorten(prompt.replaceAll("[?.]$", "")).toLowerCase());
    return List.copyOf(points.subList(0, Math.min(MAX, points.size())));
  }

  private static void fromProse(String markdown, List<String> points, int upTo) {
    boolean inFence = false;
    for (String line : markdown.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence || points.size() >= upTo) continue;
      String l = LABEL.matcher(line.strip().replaceFirst("^([-*]|\\d+\\.)\\s+", "")).replaceFirst("").strip();
      if (l.isEmpty()) continue;
      for (String sentence : SENTENCE_END.split(l)) {
        if (points.size() < upTo) add(points, sentence);
      }
    }
  }

  private static final Pattern DEF = Pattern.compile("^\\s*(?:async )?def (\\w+)\\(([^)]*)\\)");
  private static final Pattern CLASS = Pattern.compile("^\\s*class (\\w+)");
  private static final Pattern RETURN = Pattern.compile("^\\s*return (.+)$");
  private static final Pattern IMPORT = Pattern.compile("^\\s*(?:from|import) ([\\w.]+)");

  /** For an answer that is only code: what the code does ("Writes a function `f(x)`", "Returns `…`"). */
  private static void fromCode(String answer, List<String> points) {
    boolean inFence = false;
    for (String line : answer.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (!inFence || points.size() >= MAX) continue;
      Matcher m = IMPORT.matcher(line);
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
    String t = TextCleaner.stripBold(text).replace("```", "").strip();
    // Labels ("For example:") and fragments are not points; neither is chatter.
    if (t.length() < 12 || t.endsWith(":") || TextCleaner.isChatter(t) || points.size() >= MAX) return;
    String p = shorten(Character.toUpperCase(t.charAt(0)) + t.substring(1));
    if (!points.contains(p)) points.add(p);
  }

  private static String shorten(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.length() <= MAX_LENGTH) return t.replaceAll("[.]$", "");
    int cut = t.lastIndexOf(' ', MAX_LENGTH - 1);
    String head = t.substring(0, cut > 40 ? cut : MAX_LENGTH - 1);
    // Never cut inside an inline code span: an unbalanced backtick would swallow the "…".
    if (head.chars().filter(c -> c == '`').count() % 2 == 1) head = head.substring(0, head.lastIndexOf('`')).stripTrailing();
    return head.replaceAll("[,;:]$", "") + "…";
  }
}
