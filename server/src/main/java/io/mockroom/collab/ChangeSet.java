package io.mockroom.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mockroom.http.JsonText;
import java.util.Arrays;

/**
 * An immutable port of {@code @codemirror/state}'s ChangeSet for plain strings. Lengths and
 * positions are UTF-16 units, as in JavaScript and {@link String#length()}.
 *
 * <p>Wire form ({@code ChangeSet.toJSON()}): an array whose parts are {@code n} (keep n
 * characters), {@code [n]} (delete n) or {@code [n, "line", ...]} (replace n characters by the
 * lines joined with "\n").
 *
 * <p>{@link #map} and {@link #compose} delegate to the literal port in {@link Sections}, with
 * JavaScript's shortcuts for empty sets. Unlike JavaScript they first check that the two sets
 * fit each other, so a bad set never slips through a shortcut.
 */
public final class ChangeSet {
  /** Most parts accepted in one JSON change set; a keystroke has a handful. */
  public static final int MAX_PARTS = 20_000;

  /** Pairs (len, ins); see {@link Sections}. Never modified after construction. */
  final int[] sections;
  /** Inserted text per pair index; missing or null means "". */
  final String[] inserted;

  /**
   * {@link #toJsonString()}, written on first use: a keystroke's set is written for the room's
   * kept history and again for its broadcast. A racing second writer writes the same text, and a
   * String is safe to publish without a lock.
   */
  private String json;

  ChangeSet(int[] sections, String[] inserted) {
    this.sections = sections;
    this.inserted = inserted;
  }

  /** The set that changes nothing in a document of {@code length} characters. */
  public static ChangeSet empty(int length) {
    if (length < 0) throw new IllegalArgumentException("length must not be negative");
    return new ChangeSet(length > 0 ? new int[] {length, -1} : new int[0], new String[0]);
  }

  /** Replaces {@code from..to} of a document of {@code length} characters by {@code insert}. */
  public static ChangeSet replace(int length, int from, int to, String insert) {
    if (from < 0 || to < from || to > length) {
      throw new InvalidChangeSetException("range " + from + ".." + to + " is outside a document of length " + length);
    }
    Sections.Builder b = new Sections.Builder();
    b.addSection(from, -1);
    b.addSection(to - from, insert.length());
    b.addInsert(insert);
    b.addSection(length - to, -1);
    return b.build();
  }

  /**
   * Parses CodeMirror's JSON form; throws {@link InvalidChangeSetException} saying what is wrong.
   *
   * <p>A "line" that itself contains "\n" is taken as JavaScript's {@code fromJSON} takes it (its
   * characters count as they are); {@link #toJson} then sends it split into lines, as CodeMirror
   * would. The sections are rebuilt as CodeMirror's own builder would ({@code addSection}): JSON that
   * CodeMirror produced comes out identical, while hand-made JSON with zero-length parts or split
   * retains (on which JavaScript's {@code map} and {@code compose} can throw) is normalized, so
   * whatever the server stores and broadcasts is something every client can map.
   */
  public static ChangeSet fromJson(JsonNode json) {
    if (json == null || !json.isArray()) throw new InvalidChangeSetException("changes must be a JSON array");
    if (json.size() > MAX_PARTS) throw new InvalidChangeSetException("changes have more than " + MAX_PARTS + " parts");
    Sections.Builder out = new Sections.Builder();
    for (int i = 0; i < json.size(); i++) {
      JsonNode part = json.get(i);
      int len;
      String text = "";
      boolean keep = part.isNumber();
      if (keep) {
        len = count(part, i);
      } else if (part.isArray() && part.size() >= 1 && part.get(0).isNumber()) {
        len = count(part.get(0), i);
        text = lines(part, i);
      } else {
        throw new InvalidChangeSetException("part " + i + " must be a number or an array [number, ...lines], not " + part);
      }
      if (!out.addPart(len, keep ? null : text)) {
        throw new InvalidChangeSetException("changes describe a document longer than " + Integer.MAX_VALUE);
      }
    }
    return out.build();
  }

  /** Parses and checks that the set applies to a document of {@code docLength} characters. */
  public static ChangeSet fromJson(JsonNode json, int docLength) {
    ChangeSet set = fromJson(json);
    set.requireLength(docLength);
    return set;
  }

  private static int count(JsonNode n, int part) {
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
      throw new InvalidChangeSetException("part " + part + ": lengths must be whole numbers from 0 to " + Integer.MAX_VALUE + ", not " + n);
    }
    return n.intValue();
  }

  private static String lines(JsonNode part, int i) {
    StringBuilder text = new StringBuilder();
    for (int j = 1; j < part.size(); j++) {
      JsonNode line = part.get(j);
      if (!line.isTextual()) throw new InvalidChangeSetException("part " + i + ": inserted lines must be strings, not " + line);
      if (j > 1) text.append('\n');
      text.append(line.textValue());
    }
    return Utf16.storable(text.toString());
  }

  /** CodeMirror's JSON form; {@code fromJson(toJson())} equals this set. */
  public ArrayNode toJson() {
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        parts.add(len);
      } else if (ins == 0) {
        parts.addArray().add(len);
      } else {
        ArrayNode part = parts.addArray().add(len);
        for (String line : text(i >> 1).split("\n", -1)) part.add(line);
      }
    }
    return parts;
  }

  /**
   * {@code toJson().toString()}, the same text to the character, written without building a tree:
   * it is on every keystroke's path. Strings are escaped as Jackson escapes them ({@link JsonText}),
   * which copies lone surrogates as they are; {@code Json.encode} refuses those in a raw value.
   */
  public String toJsonString() {
    String written = json;
    if (written == null) json = written = writeJson();
    return written;
  }

  private String writeJson() {
    StringBuilder out = new StringBuilder(sizeHint());
    out.append('[');
    for (int i = 0; i < sections.length; i += 2) {
      if (i > 0) out.append(',');
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        out.append(len);
        continue;
      }
      out.append('[').append(len);
      if (ins > 0) { // one string per line, as toJson's split("\n", -1): empty lines included
        String text = text(i >> 1);
        int from = 0;
        while (true) {
          int nl = text.indexOf('\n', from);
          out.append(',');
          JsonText.quote(out, text, from, nl < 0 ? text.length() : nl);
          if (nl < 0) break;
          from = nl + 1;
        }
      }
      out.append(']');
    }
    return out.append(']').toString();
  }

  /** Enough for a keystroke's set in one allocation; a start, not a limit. */
  private int sizeHint() {
    long n = 2 + 8L * sections.length;
    for (int i = 1; i < sections.length; i += 2) n += Math.max(sections[i], 0);
    return (int) Math.min(n, 1 << 16);
  }

  /** The length of the document these changes apply to. */
  public int length() {
    int n = 0;
    for (int i = 0; i < sections.length; i += 2) n += sections[i];
    return n;
  }

  /** The length of the document they produce. */
  public int newLength() {
    int n = 0;
    for (int i = 0; i < sections.length; i += 2) n += sections[i + 1] < 0 ? sections[i] : sections[i + 1];
    return n;
  }

  /** JavaScript's {@code empty}: no sections, or one kept section. */
  public boolean isEmpty() {
    return sections.length == 0 || sections.length == 2 && sections[1] < 0;
  }

  /** The document after these changes; {@code doc} must have {@link #length()} characters. */
  public String apply(String doc) {
    requireLength(doc.length());
    StringBuilder out = new StringBuilder(newLength());
    int pos = 0;
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) out.append(doc, pos, pos + len);
      else out.append(text(i >> 1));
      pos += len;
    }
    return out.toString();
  }

  /**
   * Applies these changes to {@code doc} in place: what {@link #apply} returns, without a new copy
   * of the whole text (a keystroke moves the text after it, and allocates nothing that lives).
   * {@code doc} must have {@link #length()} characters.
   */
  public void applyTo(StringBuilder doc) {
    requireLength(doc.length());
    int pos = 0; // in the new text: everything before it is done, everything after it is still old
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        pos += len;
      } else {
        String t = text(i >> 1);
        doc.replace(pos, pos + len, t);
        pos += t.length();
      }
    }
  }

  /** These changes followed by {@code other}, which must start where these end. */
  public ChangeSet compose(ChangeSet other) {
    other.requireLength(newLength());
    return isEmpty() ? other : other.isEmpty() ? this : Sections.composeSets(this, other);
  }

  /** {@code map(other, false)}: {@code other} is taken to have happened first. */
  public ChangeSet map(ChangeSet other) {
    return map(other, false);
  }

  /**
   * These changes moved to the document after {@code other}, both starting at the same document.
   * {@code before} orders insertions at one position as if these came first. For any a, b:
   * {@code a.compose(b.map(a))} and {@code b.compose(a.map(b, true))} give the same document.
   * Mapping is not compositional: {@code a.map(b).map(c)} may order insertions differently from
   * {@code a.map(b.compose(c))} (see {@code CollabDocument} for what that costs).
   */
  public ChangeSet map(ChangeSet other, boolean before) {
    other.requireLength(length());
    return other.isEmpty() ? this : Sections.mapSet(this, other, before);
  }

  void requireLength(int docLength) {
    int length = length();
    if (length != docLength) {
      throw new InvalidChangeSetException("changes are for a document of length " + length + ", not " + docLength);
    }
  }

  String text(int pairIndex) {
    String t = pairIndex < inserted.length ? inserted[pairIndex] : null;
    return t == null ? "" : t;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChangeSet other) || !Arrays.equals(sections, other.sections)) return false;
    for (int i = 0; i < sections.length; i += 2) {
      if (sections[i + 1] > 0 && !text(i >> 1).equals(other.text(i >> 1))) return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sections);
  }

  @Override
  public String toString() {
    return toJsonString();
  }
}
