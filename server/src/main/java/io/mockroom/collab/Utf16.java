package io.mockroom.collab;

/**
 * Text from clients as the server keeps it — inserted text, chat, notes, hints, names, summaries,
 * clientIDs: well-formed UTF-16 without U+0000. JSON can carry both, but neither can be stored:
 *
 * <ul>
 *   <li>a lone surrogate ({@code "\ud800"}, which a browser's {@code JSON.stringify} writes for a
 *       half of an emoji): no UTF-8 can carry it, so the log's row and every broadcast would each
 *       do something else with it (a "?", an exception);
 *   <li>U+0000, which JSON escapes as backslash-u-0000: Postgres holds it neither in
 *       {@code jsonb} (SQLSTATE 22P05, "unsupported Unicode escape sequence"), where the log's
 *       payloads go, nor in {@code text} (22021). Every other character, control characters and
 *       noncharacters included, is stored as it is
 *       ({@code AnEventPostgresRefusesFailsAloneAndOtherRoomsKeepSavingTest} checks each one).
 * </ul>
 *
 * Each becomes U+FFFD, one UTF-16 unit like what it replaces, which keeps every length and
 * position of a change set, so the sender's later changes still fit.
 */
public final class Utf16 {
  private Utf16() {}

  /** {@code s} itself when it has nothing to replace (the usual case), else a copy with U+FFFD for each lone surrogate and U+0000. */
  public static String storable(String s) {
    return firstUnstorable(s) < 0 ? s : replaceUnstorable(s);
  }

  /** Where the first lone surrogate of {@code s} is, or -1 when every surrogate is paired. */
  public static int firstLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c) && !pairedAt(s, i)) return i;
      if (Character.isHighSurrogate(c)) i++; // its low half
    }
    return -1;
  }

  /** Where the first lone surrogate or U+0000 of {@code s} is, or -1. */
  private static int firstUnstorable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\0' || Character.isSurrogate(c) && !pairedAt(s, i)) return i;
      if (Character.isHighSurrogate(c)) i++; // its low half
    }
    return -1;
  }

  private static boolean pairedAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String replaceUnstorable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (pairedAt(s, i)) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
