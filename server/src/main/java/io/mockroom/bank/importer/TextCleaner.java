package io.mockroom.bank.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes what the seed documents carry that belongs to no question. Pure functions. */
final class TextCleaner {
  private TextCleaner() {}

  private static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * A run of characters that UTF-8 bytes become when read as Windows-1252: a lead byte
   * (Â..ô) followed by continuation bytes (0x80..0xBF, which cp1252 shows as €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ
   * and  ¡..¿).
   */
  private static final Pattern MOJIBAKE = Pattern.compile(
      "[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC"
          + "\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]+");

  /** Re-decodes mojibake runs: {@code â€™} becomes {@code ’}; a run that is not valid UTF-8 is removed. */
  static String fixMojibake(String s) {
    Matcher m = MOJIBAKE.matcher(s);
    if (!m.find()) return s;
    StringBuilder out = new StringBuilder();
    m.reset();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(redecode(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String redecode(String run) {
    try {
      ByteBuffer bytes = CP1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(run));
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      return run.length() >= 3 ? "" : run; // a broken multi-byte sequence: junk; a lone accent: leave it
    }
  }

  private static final Pattern CHATTER = Pattern.compile(
      "^(Certainly[!,.]|Sure[!,.]|Absolutely[!,.]|Of course[!,.]|Here (are|is) (some|a|the|more|an)\\b|Here['’]s (a|an|some|the)\\b"
          + "|I hope\\b|If you['’]d like\\b|If you would like\\b|If you need more\\b|If you have any (more |other |further )?questions"
          + "|Let me know\\b|Feel free\\b|Happy coding|Good luck\\b)",
      Pattern.CASE_INSENSITIVE);

  /** A paragraph that an assistant said around the questions ("Certainly! Here's…", "I hope these…"). */
  static boolean isChatter(String paragraph) {
    return CHATTER.matcher(paragraph.strip()).find();
  }

  private static final Pattern SEPARATOR = Pattern.compile("^\\s*([-_*=]\\s*){3,}$");

  static boolean isSeparator(String line) {
    return SEPARATOR.matcher(line).matches();
  }

  private static final Pattern HTML_LINE = Pattern.compile("^\\s*</?(div|a|img|h[1-6]|p|span|br|hr|button|svg|path|rect|center)\\b[^>]*>.*$",
      Pattern.CASE_INSENSITIVE);

  /** A line that is HTML markup or a "Back to Top" link. */
  static boolean isHtmlJunk(String line) {
    return HTML_LINE.matcher(line).matches() || line.contains("Back to Top") || line.strip().equals("</div>");
  }

  private static final Pattern FENCE_JUNK = Pattern.compile("^(\\s*```)([\\w+#.-]*)\\s*(<.*)$");

  /** {@code ```python<button …>Copy code</button>} becomes {@code ```python}. */
  static String cleanFence(String line) {
    Matcher m = FENCE_JUNK.matcher(line);
    return m.matches() ? m.group(1) + m.group(2) : line;
  }

  /** Code that follows the copy-button markup on the fence's own line, if any. */
  static String codeAfterFenceJunk(String line) {
    Matcher m = FENCE_JUNK.matcher(line);
    if (!m.matches()) return "";
    return m.group(3).replaceAll("<[^>]*>", "").replace("Copy code", "");
  }

  /** Inline HTML that leaked into prose: tags are dropped, their text kept. */
  static String stripInlineTags(String line) {
    return line.replaceAll("</?(span|b|i|strong|em|code|a)\\b[^>]*>", "");
  }
}
