package io.mockroom.bank.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what the seed documents carry that belongs to no question: assistant chatter,
 * separator lines, HTML markup, table-of-contents entries, filler sentences. Pure functions over
 * one line (or one paragraph); callers decide what to count. Nothing here is applied inside a code
 * fence except {@link #cleanFenceOpening} — code is kept line for line.
 */
final class TextCleaner {
  private TextCleaner() {}

  /**
   * Things an assistant says around a list of questions. Curated rather than clever: each
   * alternative is anchored at the start of the paragraph, and the open-ended ones ("Here are…",
   * "These…") must also talk about the questions, so that "Here is an example:" stays an answer.
   */
  private static final Pattern CHATTER = Pattern.compile(
      "^(?:(?:Certainly|Sure|Absolutely|Of course)!"
          + "|Here(?: are|['’]s| is)\\b.*\\bquestions?\\b"
          + "|These\\b.*\\bquestions\\b.*(?:let me know|I hope|prepar|understanding)"
          + "|I hope (?:these|this|that|you)\\b"
          + "|If you(?:['’]d| would) like (?:more|to (?:continue|explore|delve|dive|go))"
          + "|If you need (?:more|further|additional) (?:questions|explanations|help|details|information)"
          + "|If you have any (?:more |other |further )?questions"
          + "|(?:Do )?let me know\\b|Feel free to\\b|Happy coding\\b|Good luck\\b)",
      Pattern.CASE_INSENSITIVE);

  static boolean isChatter(String text) {
    return CHATTER.matcher(text.strip()).find();
  }

  private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:([-_*=])\\s*){3,}$");

  /** A line of only dashes, underscores, stars or equals signs (a Markdown rule or an ASCII one). */
  static boolean isSeparator(String line) {
    return SEPARATOR.matcher(line).matches();
  }

  private static final Pattern HTML_BLOCK = Pattern.compile(
      "^\\s*</?(?:div|a|img|h[1-6]|p|br|hr|center|table|tr|td|th|ul|ol|nav|section|header|footer|button|svg|path|rect)\\b[^>]*>.*$",
      Pattern.CASE_INSENSITIVE);

  /** A line that is page markup (a logo, a centred title, a "Back to Top" link), not text. */
  static boolean isHtmlBlock(String line) {
    return HTML_BLOCK.matcher(line).matches() || line.contains("Back to Top");
  }

  private static final Pattern TOC_ENTRY = Pattern.compile("^\\s*(?:\\d+\\.|[-*])\\s+\\[[^\\]]+\\]\\(#[^)]*\\).*$");
  private static final Pattern TOC_HEADING = Pattern.compile("^#{1,4}\\s+(?:Table of Contents|Contents|TOC)\\s*$",
      Pattern.CASE_INSENSITIVE);

  /** "3. [How do you …?](#q3-…) <span class="beginner">Beginner</span>": a link to a question below. */
  static boolean isTocEntry(String line) {
    return TOC_ENTRY.matcher(line).matches() || TOC_HEADING.matcher(line).matches();
  }

  private static final Pattern LEVEL_SPAN = Pattern.compile(
      "<span\\s+class=\"(beginner|basic|easy|intermediate|medium|advanced|hard)\"\\s*>", Pattern.CASE_INSENSITIVE);

  /** The level a {@code <span class="advanced">} tag on the line states, or null. */
  static Difficulty spanDifficulty(String line) {
    Matcher m = LEVEL_SPAN.matcher(line);
    return m.find() ? Difficulty.fromSource(m.group(1)).orElse(null) : null;
  }

  /**
   * Sentences one generator pasted into every short answer. They say nothing about the question,
   * and as key points they would be ticked for every candidate.
   */
  private static final List<Pattern> BOILERPLATE = List.of(
      Pattern.compile("\\s*This concept is fundamental in this domain and understanding it allows developers to write more"
          + " efficient and maintainable code\\.\\s*"),
      Pattern.compile("\\s*It is commonly asked in interviews to test foundational knowledge\\.\\s*"));

  /** The line without filler sentences, and how many were cut. */
  record Cut(String line, int removed) {}

  static Cut cutBoilerplate(String line) {
    String out = line;
    int removed = 0;
    for (Pattern p : BOILERPLATE) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        out = m.replaceAll(" ").stripTrailing();
        removed++;
      }
    }
    return new Cut(out, removed);
  }

  private static final Pattern FENCE_OPENING = Pattern.compile("^(\\s*)(`{3,})\\s*([\\w+#.-]*)(.*)$");

  /**
   * An opening fence: its indent, its label, whether markup followed the label, and the code that
   * followed the markup on the same line (null when none) — chat exports often glue the first line
   * of code to the copy button: {@code ```python<button>…Copy code</button># first line}.
   */
  record FenceOpening(String indent, String label, boolean hadJunk, String firstLine) {}

  /** {@code ```python<button …><svg …>…</svg>Copy code</button>} opens a python block; the button is junk. */
  static FenceOpening cleanFenceOpening(String line) {
    Matcher m = FENCE_OPENING.matcher(line);
    if (!m.matches()) return new FenceOpening("", "", false, null);
    String rest = m.group(4);
    if (rest.isBlank()) return new FenceOpening(m.group(1), m.group(3), false, null);
    String code = BUTTON.matcher(rest).replaceAll("");
    code = ANY_MARKUP.matcher(code).replaceAll("").replaceFirst("^\\s*Copy code", "");
    boolean markup = !code.equals(rest);
    return new FenceOpening(m.group(1), m.group(3), true, markup && !code.isBlank() ? code : null);
  }

  static boolean isFence(String line) {
    return line.strip().startsWith("```");
  }

  private static final Pattern BUTTON = Pattern.compile("<button\\b.*?</button>|<svg\\b.*?</svg>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_MARKUP = Pattern.compile("</?(?:button|svg|path|rect|span|div)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /** A code line with a copy button in it loses the button; a line that was only "Copy code" goes. */
  static String cleanCodeLine(String line) {
    String out = BUTTON.matcher(line).replaceAll("");
    return out.strip().equals("Copy code") ? "" : out;
  }

  static boolean hasCodeJunk(String line) {
    return BUTTON.matcher(line).find() || line.strip().equals("Copy code");
  }

  private static final Pattern LIST_ITEM_TAG = Pattern.compile("^(\\s*)<li\\b[^>]*>\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_TAG = Pattern.compile("<code>(.*?)</code>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_TAG = Pattern.compile(
      "</?(?:span|b|i|u|strong|em|a|li|ul|ol|p|br|small|sup|sub|font|mark|kbd|div|img)\\b[^>]*/?>", Pattern.CASE_INSENSITIVE);

  /**
   * Inline HTML in prose: {@code <li>} becomes a Markdown bullet, {@code <code>x</code>} becomes
   * {@code `x`}, other tags go and their text stays. Python's own angle brackets ("a < b",
   * "<class 'int'>") are not tags of this list, so they stay.
   */
  static String stripInlineHtml(String line) {
    String out = LIST_ITEM_TAG.matcher(line).replaceFirst("$1- ");
    out = CODE_TAG.matcher(out).replaceAll("`$1`");
    return ANY_TAG.matcher(out).replaceAll("");
  }

  static boolean hasInlineHtml(String line) {
    return ANY_TAG.matcher(line).find() || CODE_TAG.matcher(line).find();
  }

  private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*(?![\\w*])");

  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  /** Text without {@code **bold**} markers; inline code ({@code `**kwargs`}) is left as it is. */
  static String stripBold(String text) {
    // Code spans are set aside first, so that a bold run may contain them and they keep their stars.
    java.util.List<String> spans = new java.util.ArrayList<>();
    Matcher m = CODE_SPAN.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (m.find()) {
      spans.add(m.group());
      m.appendReplacement(masked, "\u0000" + (spans.size() - 1) + "\u0000");
    }
    m.appendTail(masked);
    String out = BOLD.matcher(masked.toString()).replaceAll("$1");
    for (int i = 0; i < spans.size(); i++) out = out.replace("\u0000" + i + "\u0000", spans.get(i));
    return out;
  }

  /** A top-level line that is nothing but page furniture: counted as removed junk, never as unplaced. */
  static boolean isStrayJunk(String line) {
    String s = line.strip();
    return isChatter(s) || isSeparator(s) || isHtmlBlock(s) || isTocEntry(s) || s.startsWith("<") && s.endsWith(">")
        || s.matches("#{1,6}\\s+\\S.*"); // a title or a heading with no question under it
  }
}
