package io.mockroom.collab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;

/** Random change sets and text full of what JSON must escape or must not, for encoding tests. */
public final class RandomChangeSets {
  private static final String PLAIN = "ab Z9/'<>&~\u007f\u0080é中\u2028\u2029\ufeff\uffff";
  private static final String[] PAIRS = {"😀", "👩‍💻", "\uD800\uDC00", "\uDBFF\uDFFF"};

  private RandomChangeSets() {}

  /**
   * Keeps, deletes and replacements, the inserted lines built by {@link #text}; lines may hold
   * "\n" themselves, as a hand-made set may. {@code loneSurrogates}: whether text may hold them.
   */
  public static ChangeSet next(Random r, boolean loneSurrogates) {
    if (r.nextInt(20) == 0) return ChangeSet.empty(r.nextInt(3) * r.nextInt(100));
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    int parts = r.nextInt(7);
    for (int i = 0; i < parts; i++) {
      switch (r.nextInt(3)) {
        case 0 -> json.add(r.nextInt(1000));
        case 1 -> json.addArray().add(r.nextInt(20));
        default -> {
          ArrayNode replace = json.addArray().add(r.nextInt(5));
          int lines = 1 + r.nextInt(r.nextBoolean() ? 2 : 6);
          for (int l = 0; l < lines; l++) replace.add(text(r, r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(24), loneSurrogates));
        }
      }
    }
    ChangeSet set = ChangeSet.fromJson(json);
    // Sometimes a composed set too, as the authority builds when it rebases.
    if (r.nextInt(5) == 0) set = set.compose(ChangeSet.replace(set.newLength(), 0, 0, text(r, 6, loneSurrogates)));
    return set;
  }

  /** Up to {@code max} UTF-16 units: controls U+0000..U+001F, quotes, backslashes, "\n", non-ASCII, pairs. */
  public static String text(Random r, int max, boolean loneSurrogates) {
    StringBuilder s = new StringBuilder();
    while (s.length() < max) {
      switch (r.nextInt(loneSurrogates ? 8 : 7)) {
        case 0 -> s.append((char) r.nextInt(0x20));
        case 1 -> s.append(r.nextBoolean() ? '"' : '\\');
        case 2 -> s.append('\n');
        case 3, 4 -> s.append(PLAIN.charAt(r.nextInt(PLAIN.length())));
        case 5 -> s.append((char) (0x20 + r.nextInt(0x60)));
        case 6 -> s.append(PAIRS[r.nextInt(PAIRS.length)]);
        default -> s.append((char) (0xD800 + r.nextInt(0x800))); // lone, or by chance paired
      }
    }
    return s.toString();
  }
}
