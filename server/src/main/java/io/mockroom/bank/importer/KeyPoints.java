package io.mockroom.bank.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two to five points an interviewer can tick while the candidate answers, derived from the
 * reference answer: its sentences and list items in order, without Markdown emphasis, one line
 * each. When the reference answer has too little prose, its sentences are split into their
 * independent clauses ("X, while Y" → X; Y), then the alternates' prose is used, then what its code
 * does ("Writes a function `f(x)`"), and only then a generic point.
 *
 * <p>A point is a complete statement: examples ("For example: x = 5"), code written as prose and
 * filler are skipped, a leading connective ("However, ", "Additionally, ") goes, and a sentence
 * longer than {@link #MAX_LENGTH} loses its asides and is cut at a clause boundary (before ",
 * which", ", including", "; "…) or, failing that, between items of a list — never inside a
 * clause, and never with an ellipsis. A sentence that cannot be shortened so is not a point.
 *
 * <p>Invariants: 2–5 points, none blank, none containing a code fence, none over
 * {@link #MAX_LENGTH} characters, none ending in "…"; the same answers always give the same points.
 */
final class KeyPoints {
  static final int MIN = 2;
  static final int MAX = 5;
  static final int MAX_LENGTH = 140;
  /** A shortened point keeps at least this much, so that it still says something. */
  private static final int MIN_HEAD = 40;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`('\"])");
  private static final Pattern LABEL = Pattern.compile("^\\*\\*[^*]{1,40}?:?\\*\\*:?\\s*");
  /** Where one sentence holds two independent statements: "X, while Y", "X; Y". */
  private static final Pattern INDEPENDENT_CLAUSE = Pattern.compile(
      ";\\s+|,\\s+(?:while|whereas|but)\\s+|,\\s+and then\\s+");
  /** Where a long sentence may end early and still be a statement: before a dependent clause or an aside. */
  private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
      ";\\s|\\s[—–]\\s|,\\s+(?=(?:which|while|whereas|but|so|so that|allowing|making|meaning|reducing|improving|including"
          + "|such as|especially|particularly|where|although|though|because|since|as well as|rather than|without|like"
          + "|offering|providing|adding|giving|enabling|letting|along with|with each"
          + "|and then|e\\.g\\.|i\\.e\\.|for example|for instance|potentially|thus|thereby|then)\\b)"
          + "|\\s(?=(?:such as|including|especially|because|e\\.g\\.|for example|for instance)\\s)");
  /** Between two items of a list: the statement stays true with fewer items. */
  private static final Pattern LIST_BOUNDARY = Pattern.compile(",\\s");
  /** Before a relative clause ("a mechanism that allows X [that is defined in Y]"): what is left still holds. */
  private static final Pattern RELATIVE_CLAUSE = Pattern.compile("\\s(?=(?:that|which|who|where)\\s)");
  /** Between the last two items of a list, when no comma is left to cut at. */
  private static final Pattern LAST_ITEM_BOUNDARY = Pattern.compile("\\s(?=(?:and|or)\\s)");
  private static final Pattern CONNECTIVE = Pattern.compile(
      "^(?:however|additionally|alternatively|also|moreover|furthermore|in addition|on the other hand|in contrast"
          + "|conversely|similarly|likewise|finally|then|so|and|but|while|whereas|in short|basically|essentially"
          + "|in python|in practice|generally|typically|usually|of course),\\s+|^(?:and|but|while|whereas|so)\\s+",
      Pattern.CASE_INSENSITIVE);
  /** Examples and filler: what a candidate says to illustrate, not what an interviewer ticks. */
  private static final Pattern NOT_A_POINT = Pattern.compile(
      "^(?:for example|for instance|e\\.g\\.|example|here(?:'s| is| are)|in (?:this|the above|the following) example"
          + "|(?:this|the above|the following) (?:code|example|snippet|program)|output|consider (?:the following|this)"
          + "|let's|let us|below is|remember|as shown|see the|note:|tip:|this is an? (?:\\w+ )?example"
          + "|this (?:declares|creates|prints|outputs|assigns|will (?:print|output|return)))\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  /** Code written as prose: an assignment, statements joined by ";", a def, a bare class or import line. */
  private static final Pattern CODE_IN_PROSE = Pattern.compile(
      "(?:^|\\s)[\\w.\\[\\]'\"]+\\s*(?<![=!<>])=(?!=)\\s*\\S|;\\s*[\\w.]+\\s*[(=.]|\\bdef \\w+\\s*\\(|^class \\w+"
          + "|^(?:import|from) [\\w.]+(?:\\s+import\\b.*)?$|\\bprint\\([^)]");
  /** "(double underscore)": an aside with no code in it, after a space (so never "`open()`"). */
  private static final Pattern ASIDE = Pattern.compile("\\s+\\((?![^()]*`)[^()]+\\)");
  private static final Pattern DANGLING_END = Pattern.compile(
      "(?i)\\s+(?:and|or|of|to|the|a|an|in|for|with|by|as|that|such|like|from|on|at|is|are)$");

  private KeyPoints() {}

  static List<String> of(String prompt, String answer, List<String> alternates) {
    List<String> sentences = sentences(answer);
    List<String> points = points(sentences, MAX);
    if (points.size() < MIN) {
      // Few sentences: their independent clauses are separate points.
      List<String> clauses = new ArrayList<>();
      for (String s : sentences) clauses.addAll(List.of(INDEPENDENT_CLAUSE.split(s)));
      List<String> split = points(clauses, MAX);
      if (split.size() > points.size()) points = split;
    }
    for (String alternate : alternates) {
      // The reference answer's points come first.
      if (points.size() < MIN) for (String p : points(sentences(alternate), MIN)) addPoint(points, p, MIN);
    }
    if (points.size() < MIN) fromCode(answer, points, points.isEmpty() ? MAX : MIN);
    if (points.size() < MIN && answer.contains("```")) addPoint(points, "Shows it in working code, like the reference example", MAX);
    if (points.size() < MIN) addPoint(points, "Gives a concrete example of when to use it", MAX);
    if (points.size() < MIN) addPoint(points, "Explains " + lowerFirst(prompt.replaceAll("[?.]$", "")), MAX);
    if (points.size() < MIN) addPoint(points, "Answers the question in their own words", MAX);
    return List.copyOf(points.subList(0, Math.min(MAX, points.size())));
  }

  /** The prose of a Markdown answer, sentence by sentence: outside code fences, without list markers and labels. */
  private static List<String> sentences(String markdown) {
    List<String> out = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (inFence) continue;
      String l = LABEL.matcher(line.strip().replaceFirst("^([-*]|\\d+\\.)\\s+", "")).replaceFirst("").strip();
      if (!l.isEmpty()) out.addAll(List.of(SENTENCE_END.split(l)));
    }
    return out;
  }

  private static List<String> points(List<String> candidates, int upTo) {
    List<String> points = new ArrayList<>();
    for (String c : candidates) {
      String p = point(c);
      if (p != null) addPoint(points, p, upTo);
    }
    return points;
  }

  /** The point a sentence makes, or null when it makes none an interviewer could tick. */
  static String point(String sentence) {
    String t = TextCleaner.stripBold(sentence).replace("```", "").strip().replaceAll("\\s+", " ");
    t = CONNECTIVE.matcher(t).replaceFirst("");
    if (t.length() < 12 || t.endsWith(":") || TextCleaner.isChatter(t) || NOT_A_POINT.matcher(t).find()) return null;
    if (CODE_IN_PROSE.matcher(CODE_SPAN.matcher(t).replaceAll("code")).find()) return null;
    String fitted = fit(t.replaceAll("[.!]+$", "").strip());
    if (fitted == null || fitted.length() < 12 || fitted.endsWith("…")) return null;
    return Character.toUpperCase(fitted.charAt(0)) + fitted.substring(1);
  }

  /**
   * The sentence in at most {@link #MAX_LENGTH} characters, cut only where a statement can end: its
   * asides dropped, then the last clause boundary that fits, then the last list boundary (a comma, then
   * "and"/"or"); null when none fits.
   */
  private static String fit(String s) {
    if (s.length() <= MAX_LENGTH) return s;
    String t = ASIDE.matcher(s).replaceAll("");
    if (t.length() <= MAX_LENGTH) return t;
    for (Pattern boundary : List.of(CLAUSE_BOUNDARY, LIST_BOUNDARY, RELATIVE_CLAUSE, LAST_ITEM_BOUNDARY)) {
      String head = lastCut(t, boundary);
      if (head != null) return head;
    }
    return null;
  }

  private static String lastCut(String s, Pattern boundary) {
    String best = null;
    Matcher m = boundary.matcher(s);
    while (m.find() && m.start() <= MAX_LENGTH) {
      String head = s.substring(0, m.start()).replaceAll("[,;:]+$", "").strip();
      while (DANGLING_END.matcher(head).find()) head = DANGLING_END.matcher(head).replaceFirst("");
      boolean balanced = head.chars().filter(c -> c == '`').count() % 2 == 0
          && head.chars().filter(c -> c == '(').count() == head.chars().filter(c -> c == ')').count();
      if (head.length() >= MIN_HEAD && balanced) best = head;
    }
    return best;
  }

  private static final Pattern DEF = Pattern.compile("^\\s*(?:async )?def (\\w+)\\(([^)]*)\\)");
  private static final Pattern CLASS = Pattern.compile("^\\s*class (\\w+)");
  private static final Pattern RETURN = Pattern.compile("^\\s*return (.+)$");
  private static final Pattern IMPORT = Pattern.compile("^\\s*(?:from|import) ([\\w.]+)");

  /** For an answer that is only code: what the code does ("Writes a function `f(x)`", "Returns `…`"). */
  private static void fromCode(String answer, List<String> points, int upTo) {
    boolean inFence = false;
    for (String line : answer.split("\n")) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
        continue;
      }
      if (!inFence || points.size() >= upTo) continue;
      Matcher m = IMPORT.matcher(line);
      String module = m.find() ? "`" + m.group(1) + "`" : null;
      if (module != null && points.stream().noneMatch(p -> p.contains(module))) addPoint(points, "Uses the " + module + " module", upTo);
      m = CLASS.matcher(line);
      if (m.find()) addPoint(points, "Defines a class `" + m.group(1) + "`", upTo);
      m = DEF.matcher(line);
      if (m.find()) addPoint(points, "Writes a function `" + m.group(1) + "(" + m.group(2).strip() + ")`", upTo);
      m = RETURN.matcher(line);
      // "return n" says nothing; "return a + b" says what the function computes.
      if (m.find() && m.group(1).length() <= 60 && !m.group(1).strip().matches("[\\w.]+")) addPoint(points, "Returns `" + m.group(1).strip() + "`", upTo);
      if (line.contains("yield ")) addPoint(points, "Produces values lazily with `yield`", upTo);
      if (line.strip().startsWith("with ")) addPoint(points, "Manages the resource with a `with` block", upTo);
    }
  }

  private static void addPoint(List<String> points, String point, int upTo) {
    if (points.size() < upTo && point.length() <= MAX_LENGTH && !points.contains(point)) points.add(point);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
