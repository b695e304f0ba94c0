package io.mockroom.bank.importer;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 (or Latin-1): {@code â€™} becomes
 * {@code ’}, {@code ðŸ‘†} becomes 👆. Each suspicious run — a character that stands for a UTF-8
 * lead byte followed by characters that stand for continuation bytes — is turned back into bytes
 * and decoded as UTF-8. Invariants: text that is already clean (including real accents such as
 * "café" or "naïve") comes back unchanged; a run that cannot be re-decoded is kept, except the two
 * broken shapes that only mojibake produces: {@code â€} whose third byte (0x9D) was lost — a
 * closing quote {@code ”} — and a truncated 4-byte emoji ({@code ð…}), which is removed.
 */
final class Mojibake {
  private Mojibake() {}

  /** Windows-1252's characters for bytes 0x80–0x9F; the rest of 0x80–0xFF is Latin-1. */
  private static final String CP1252_HIGH =
      "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  private static final Map<Character, Integer> BYTE_OF = new HashMap<>();

  static {
    for (int b = 0x80; b <= 0xFF; b++) BYTE_OF.put((char) b, b);
    for (int i = 0; i < CP1252_HIGH.length(); i++) BYTE_OF.put(CP1252_HIGH.charAt(i), 0x80 + i);
  }

  static String repair(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int lead = byteOf(c);
      int need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
      if (need == 0) {
        if (out != null) out.append(c);
        i++;
        continue;
      }
      int have = 0;
      while (have < need && i + 1 + have < text.length() && isContinuation(text.charAt(i + 1 + have))) have++;
      String replacement = null;
      if (have == need) {
        replacement = decode(text, i, need + 1);
      } else if (lead == 0xE2 && have == 1 && byteOf(text.charAt(i + 1)) == 0x80) {
        replacement = "”"; // E2 80 9D with the undefined 0x9D dropped on the way
      } else if (lead == 0xF0 && have >= 1) {
        replacement = ""; // an emoji cut short: no way back, and nothing a reader needs
      }
      if (replacement == null) {
        if (out != null) out.append(c);
        i++;
        continue;
      }
      if (out == null) out = new StringBuilder(text.substring(0, i));
      out.append(replacement);
      i += 1 + (have == need ? need : have);
    }
    return out == null ? text : out.toString();
  }

  private static int byteOf(char c) {
    Integer b = BYTE_OF.get(c);
    return b == null ? -1 : b;
  }

  private static boolean isContinuation(char c) {
    int b = byteOf(c);
    return b >= 0x80 && b <= 0xBF;
  }

  /** The run decoded as UTF-8, or null when it is not valid UTF-8 (then it was real text). */
  private static String decode(String text, int start, int length) {
    byte[] bytes = new byte[length];
    for (int k = 0; k < length; k++) bytes[k] = (byte) byteOf(text.charAt(start + k));
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      // A decoded control character means the bytes were never UTF-8 text.
      return s.codePoints().anyMatch(Character::isISOControl) ? null : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
