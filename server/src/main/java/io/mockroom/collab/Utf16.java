package io.mockroom.collab;

/**
 * Text from clients as the server keeps it — inserted text, chat, notes, names: well-formed
 * UTF-16. JSON can carry a lone surrogate
 * ({@code "\ud800"}, which a browser's {@code JSON.stringify} writes for a half of an emoji), but
 * no UTF-8 can: the log's row and every broadcast would otherwise each do something else with it
 * (a "?", an exception). Replacing it by U+FFFD, one UTF-16 unit like the surrogate, keeps every
 * length and position of the change set, so the pusher's later changes still fit.
 */
public final class Utf16 {
  private Utf16() {}

  /** {@code s} itself when it has no lone surrogate (the usual case), else a copy with U+FFFD for each. */
  public static String wellFormed(String s) {
    return firstLoneSurrogate(s) < 0 ? s : replaceLone(s);
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

  private static boolean pairedAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static String replaceLone(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (pairedAt(s, i)) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
