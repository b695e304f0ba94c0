package io.mockroom.http;

/**
 * JSON string literals written by hand, escaped exactly as Jackson escapes them, for the few
 * messages that are too hot to build through Jackson (one per keystroke).
 *
 * <p>Jackson escapes {@code "}, {@code \} and the control characters U+0000..U+001F: {@code \b
 * \t \n \f \r} in short form, the others as <code>&#92;u00XX</code> with upper-case hex.
 * Everything else is written as it is: U+007F, U+2028, {@code /}, non-ASCII. Surrogates are where
 * its two generators differ: the one writing a String ({@code JsonNode.toString()}, and
 * {@code JsonStringEncoder}) copies them, paired or lone; the one writing UTF-8 bytes
 * ({@link Json#encode}) writes every surrogate, paired or lone, as <code>&#92;uXXXX</code>. Hence
 * two methods.
 */
public final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  /** Appends {@code s} quoted as Jackson writes it to a String; surrogates are copied. */
  public static void quote(StringBuilder out, String s) {
    quote(out, s, 0, s.length(), false);
  }

  /** Appends {@code s.substring(from, to)} quoted as {@link #quote(StringBuilder, String)} does. */
  public static void quote(StringBuilder out, String s, int from, int to) {
    quote(out, s, from, to, false);
  }

  /** Appends {@code s} quoted as {@link Json#encode} writes it: surrogates too become <code>&#92;uXXXX</code>. */
  public static void quoteAsEncoded(StringBuilder out, String s) {
    quote(out, s, 0, s.length(), true);
  }

  private static void quote(StringBuilder out, String s, int from, int to, boolean escapeSurrogates) {
    out.append('"');
    int copied = from;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !(escapeSurrogates && Character.isSurrogate(c))) continue;
      out.append(s, copied, i);
      escape(out, c);
      copied = i + 1;
    }
    out.append(s, copied, to).append('"');
  }

  private static void escape(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\b' -> out.append("\\b");
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\f' -> out.append("\\f");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF])
          .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
  }
}
