package io.mockroom.text;

/**
 * Whether a text shows anything. A name or title of only zero-width characters (U+200B zero
 * width space, U+200D joiner, U+2060 word joiner, U+FEFF, soft hyphens, bidi marks…) passes a
 * {@code strip().isEmpty()} check and then shows as nothing in the room, the lists and exports.
 * Such texts count as empty; a text with anything visible is kept exactly as sent (format
 * characters inside it — an emoji's joiner, a flag's tags — belong to it).
 */
public final class VisibleText {
  private VisibleText() {}

  /** True when {@code text} has a character that is neither white space nor an invisible format or control character. */
  public static boolean hasVisible(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int c = Character.codePointAt(text, i);
      i += Character.charCount(c);
      if (!invisible(c)) return true;
    }
    return false;
  }

  private static boolean invisible(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return true;
    int type = Character.getType(c);
    // Cf: format characters (zero-width, bidi marks, soft hyphen, tags); Cc: controls.
    // U+3164 and U+115F/U+1160 (Hangul fillers) and U+2800 (blank Braille) render as blanks too.
    return type == Character.FORMAT || type == Character.CONTROL
        || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800;
  }
}
