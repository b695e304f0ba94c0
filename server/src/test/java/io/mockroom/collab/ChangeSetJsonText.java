package io.mockroom.collab;

import java.util.Random;

/**
 * Generates ChangeSet JSON as text, the way a hostile or merely unusual client could write it:
 * zero-length and split parts, empty and multi-line inserts, lines holding "\n", characters
 * outside the BMP, lone surrogates, and every JSON escape, spelled at random.
 */
public final class ChangeSetJsonText {
  private static final String[] PIECES = {
    "a", "Z", " ", "é", "中", "😀", "👩‍💻", "e\u0301", "\"", "\\", "/", "\n", "\t", "\r", "\u0000", "\u001f", "\u007f",
    "\u2028", "\ud800", "\udfff", "\ufeff", "def f():", "    return 1", "<>&'",
  };

  private ChangeSetJsonText() {}

  /** A valid set of up to {@code maxParts} parts for a short document. */
  public static String changes(Random r, int maxParts) {
    StringBuilder out = new StringBuilder("[");
    int parts = r.nextInt(maxParts + 1);
    for (int i = 0; i < parts; i++) {
      if (i > 0) out.append(',');
      space(r, out);
      switch (r.nextInt(5)) {
        case 0, 1 -> out.append(r.nextInt(4) == 0 ? 0 : r.nextInt(50));
        case 2 -> out.append('[').append(r.nextInt(10)).append(']');
        default -> {
          out.append('[').append(r.nextInt(3) == 0 ? 0 : r.nextInt(10));
          int lines = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 1 : 4);
          for (int j = 0; j < lines; j++) out.append(',').append(string(r, line(r)));
          out.append(']');
        }
      }
      space(r, out);
    }
    return out.append(']').toString();
  }

  /** An inserted line: mostly one typed character, sometimes nothing or a run of odd pieces. */
  public static String line(Random r) {
    int kind = r.nextInt(10);
    if (kind < 5) return String.valueOf((char) r.nextInt(128));
    if (kind == 5) return "";
    StringBuilder s = new StringBuilder();
    for (int n = 1 + r.nextInt(4); n > 0; n--) s.append(PIECES[r.nextInt(PIECES.length)]);
    return s.toString();
  }

  /** A JSON string literal for {@code s}, each character raw or escaped at random. */
  public static String string(Random r, String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String shortEscape = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\t' -> "\\t";
        case '\r' -> "\\r";
        case '\b' -> "\\b";
        case '\f' -> "\\f";
        case '/' -> r.nextBoolean() ? "\\/" : "/";
        default -> null;
      };
      boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
      if (shortEscape != null && r.nextInt(3) > 0) {
        out.append(shortEscape);
      } else if (mustEscape || r.nextInt(6) == 0) {
        String hex = String.format("\\u%04x", (int) c);
        out.append(r.nextBoolean() ? hex : hex.toUpperCase().replace("\\U", "\\u"));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Nothing, or some of the whitespace JSON allows between tokens. */
  public static void space(Random r, StringBuilder out) {
    if (r.nextInt(4) == 0) out.append(" \t\n\r".charAt(r.nextInt(4)));
  }
}
