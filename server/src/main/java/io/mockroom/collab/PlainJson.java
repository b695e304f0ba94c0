package io.mockroom.collab;

/**
 * A cursor over JSON written the way a browser's {@code JSON.stringify} writes it: no whitespace,
 * plain non-negative integers, strings with the standard escapes. The hot path reads a keystroke's
 * {@code push} frame with it instead of creating a parser per frame (a parser, its contexts, an
 * I/O context, buffers and a symbol table: most of what a keystroke allocated, fifth round).
 *
 * <p>Every read answers "not here" ({@code false}, {@code null} or -1) for anything it does not
 * take — whitespace, a sign, a fraction, an escape it does not know, a control character — and
 * callers then leave the frame to a full JSON parser. So it never takes text a JSON parser would
 * refuse, and reads what it takes exactly as one would.
 */
public final class PlainJson {
  /** Typed characters: one-character ASCII strings share these instances (see ChangeSetReader). */
  static final String[] ASCII = new String[128];

  static {
    for (char c = 0; c < ASCII.length; c++) ASCII[c] = String.valueOf(c);
  }

  private final String s;
  private int i;

  public PlainJson(String s) {
    this.s = s;
  }

  /** Steps over {@code literal} if the text continues with it. */
  public boolean skip(String literal) {
    if (!s.startsWith(literal, i)) return false;
    i += literal.length();
    return true;
  }

  /** Steps over {@code c} if it is the next character. */
  public boolean skip(char c) {
    if (i >= s.length() || s.charAt(i) != c) return false;
    i++;
    return true;
  }

  /** True when the whole text has been read. */
  public boolean atEnd() {
    return i == s.length();
  }

  /** A JSON integer from 0 to {@link Integer#MAX_VALUE}, without sign, fraction or exponent; else -1. */
  public int uint() {
    int start = i;
    long v = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') break;
      v = v * 10 + (c - '0');
      if (v > Integer.MAX_VALUE) return -1;
      i++;
    }
    int digits = i - start;
    if (digits == 0 || (digits > 1 && s.charAt(start) == '0')) return -1;
    if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) return -1;
    return (int) v;
  }

  /** A JSON string, unescaped (a lone surrogate stays as it is); null where there is none or it is not plain JSON. */
  public String string() {
    if (!skip('"')) return null;
    int start = i;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        if (i - start == 2 && s.charAt(start) < ASCII.length) return ASCII[s.charAt(start)];
        return s.substring(start, i - 1);
      }
      if (c == '\\') return escaped(start);
      if (c < 0x20) return null; // JSON wants control characters escaped
    }
    return null;
  }

  private String escaped(int start) {
    StringBuilder out = new StringBuilder(i - start + 16).append(s, start, i);
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') return out.toString();
      if (c < 0x20) return null;
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) return null;
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) return null;
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = hex(s.charAt(i++));
            if (d < 0) return null;
            v = v * 16 + d;
          }
          out.append((char) v);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** An ASCII hex digit's value, or -1 (Character.digit would take other scripts' digits too). */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
}
