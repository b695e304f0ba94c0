package io.mockroom.collab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a ChangeSet's JSON straight from a {@link JsonParser}, without building a tree: the hot
 * path for {@code push} frames. It is {@link ChangeSet#fromJson(com.fasterxml.jackson.databind.JsonNode)}
 * step for step (same parts, same {@link Sections.Builder} calls, same limits) and returns null
 * wherever fromJson would throw, so the caller falls back to the tree and fromJson says what is
 * wrong. It never builds a set that fromJson would not build from the same text.
 */
public final class ChangeSetReader {
  /**
   * Typing inserts one character at a time, and accepted sets stay in a room's history for a
   * while: one-character ASCII lines share these instances instead of one String per keystroke.
   */
  private static final String[] ASCII = PlainJson.ASCII;

  private ChangeSetReader() {}

  /**
   * Reads the array at the parser's current token through its closing bracket. Returns null
   * where fromJson would throw; JSON the parser rejects comes out as its exception.
   */
  public static ChangeSet read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) return null;
    Sections.Builder out = new Sections.Builder();
    int parts = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (++parts > ChangeSet.MAX_PARTS) return null;
      boolean keep = t != JsonToken.START_ARRAY;
      if (!keep) p.nextToken(); // [n, ...lines]: a missing or non-numeric n is an error too
      int len = count(p);
      if (len < 0) return null;
      String text = keep ? null : lines(p);
      if (!keep && text == null) return null;
      if (!out.addPart(len, text)) return null;
    }
    return out.build();
  }

  /**
   * The same from plain JSON ({@link PlainJson}), the cursor at the array's opening bracket:
   * null where fromJson would throw, and also where the text is not plain (the caller then reads
   * it with a parser). Mirrors {@link #read(JsonParser)} step for step.
   */
  public static ChangeSet read(PlainJson c) {
    if (!c.skip('[')) return null;
    Sections.Builder out = new Sections.Builder();
    if (c.skip(']')) return out.build();
    int parts = 0;
    do {
      if (++parts > ChangeSet.MAX_PARTS) return null;
      boolean keep = !c.skip('[');
      int len = c.uint();
      if (len < 0) return null;
      String text = keep ? null : lines(c);
      if (!keep && text == null) return null;
      if (!out.addPart(len, text)) return null;
    } while (c.skip(','));
    return c.skip(']') ? out.build() : null;
  }

  /** {@link #lines(JsonParser)} from plain JSON, after the count: {@code ]} or {@code ,"line",…]}. */
  private static String lines(PlainJson c) {
    if (c.skip(']')) return "";
    if (!c.skip(',')) return null;
    String first = c.string();
    if (first == null) return null;
    if (c.skip(']')) return Utf16.storable(first);
    StringBuilder text = new StringBuilder(first);
    while (c.skip(',')) {
      String line = c.string();
      if (line == null) return null;
      text.append('\n').append(line);
    }
    return c.skip(']') ? Utf16.storable(text.toString()) : null;
  }

  /** fromJson's {@code count}: a plain int from 0 up, or -1 for anything else (also a non-number). */
  private static int count(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) return -1;
    return p.getIntValue(); // negative stays negative: rejected by the caller
  }

  /** fromJson's {@code lines}: the strings up to the closing bracket joined by "\n", or null. */
  private static String lines(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) return "";
    if (t != JsonToken.VALUE_STRING) return null;
    String first = line(p);
    t = p.nextToken();
    if (t == JsonToken.END_ARRAY) return Utf16.storable(first);
    StringBuilder text = new StringBuilder(first);
    for (; t == JsonToken.VALUE_STRING; t = p.nextToken()) {
      text.append('\n').append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }
    return t == JsonToken.END_ARRAY ? Utf16.storable(text.toString()) : null;
  }

  private static String line(JsonParser p) throws IOException {
    if (p.getTextLength() == 1) {
      char c = p.getTextCharacters()[p.getTextOffset()];
      if (c < ASCII.length) return ASCII[c];
    }
    return p.getText();
  }
}
