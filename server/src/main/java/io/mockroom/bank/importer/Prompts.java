package io.mockroom.bank.importer;

import java.util.regex.Pattern;

/** What a question looks like when a format marks it with nothing else. */
final class Prompts {
  private Prompts() {}

  /** Starts of a question or task written as a sentence ("Explain the GIL and its implications."). */
  private static final Pattern TASK_START = Pattern.compile(
      "^(?:Explain|Describe|Define|Compare|Write|Implement|Discuss|Name|What|How|Why|Difference between)\\b.*");

  /**
   * A question: one line that ends in "?", or one short sentence ending in "." or ":" that starts
   * like a task or a question. Invariant: a line of an answer — several sentences, a statement, a
   * bullet, a heading, code — is not a question.
   */
  static boolean looksLikeQuestion(String line) {
    String l = line.strip().replace("**", "");
    if (l.isEmpty() || l.length() > 250 || l.startsWith("#") || l.startsWith("-") || l.startsWith("`")) return false;
    if (l.endsWith("?")) return true;
    boolean oneSentence = !l.substring(0, l.length() - 1).matches(".*[.!?]\\s+[A-Z].*");
    return TASK_START.matcher(l).matches() && oneSentence && l.length() <= 160 && (l.endsWith(".") || l.endsWith(":"));
  }
}
