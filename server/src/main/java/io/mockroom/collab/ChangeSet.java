package io.mockroom.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable port of {@code @codemirror/state}'s ChangeSet for plain strings (lengths in UTF-16
 * units, like {@link String#length()}). {@code sections} holds pairs (len, ins): ins == -1 keeps
 * len characters; otherwise len characters are replaced by ins inserted characters, whose text is
 * {@code inserted[pairIndex]}. {@link #map} and {@link #compose} follow the JavaScript
 * {@code mapSet}/{@code composeSets} line for line: the server's rebase must order concurrent
 * insertions exactly as the clients do, or they would diverge.
 */
public final class ChangeSet {
  /** Guards against pathological input; a keystroke is a handful of sections. */
  public static final int MAX_SECTIONS = 20_000;

  final int[] sections;
  final String[] inserted;

  ChangeSet(int[] sections, String[] inserted) {
    this.sections = sections;
    this.inserted = inserted;
  }

  public static ChangeSet empty(int length) {
    return new ChangeSet(length > 0 ? new int[] {length, -1} : new int[0], new String[0]);
  }

  /** Parses CodeMirror's {@code ChangeSet.toJSON()} form. */
  public static ChangeSet fromJson(JsonNode json) {
    if (json == null || !json.isArray()) throw new InvalidChangeSetException("changes must be an array");
    if (json.size() > MAX_SECTIONS) throw new InvalidChangeSetException("too many sections");
    int[] sections = new int[json.size() * 2];
    String[] inserted = new String[json.size()];
    for (int i = 0; i < json.size(); i++) {
      JsonNode part = json.get(i);
      if (part.isNumber()) {
        sections[2 * i] = length(part);
        sections[2 * i + 1] = -1;
      } else if (part.isArray() && part.size() >= 1 && part.get(0).isNumber()) {
        sections[2 * i] = length(part.get(0));
        if (part.size() == 1) {
          sections[2 * i + 1] = 0;
        } else {
          StringBuilder text = new StringBuilder();
          for (int j = 1; j < part.size(); j++) {
            if (!part.get(j).isTextual()) throw new InvalidChangeSetException("inserted lines must be strings");
            if (j > 1) text.append('\n');
            text.append(part.get(j).asText());
          }
          inserted[i] = text.toString();
          sections[2 * i + 1] = inserted[i].length();
        }
      } else {
        throw new InvalidChangeSetException("each part must be a number or [number, ...strings]");
      }
    }
    return new ChangeSet(sections, inserted);
  }

  private static int length(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
      throw new InvalidChangeSetException("lengths must be whole numbers of 0 or more");
    }
    return n.asInt();
  }

  public JsonNode toJson() {
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

  /** The length of the document this applies to. */
  public long length() {
    long n = 0;
    for (int i = 0; i < sections.length; i += 2) n += sections[i];
    return n;
  }

  /** The length of the document after it. */
  public long newLength() {
    long n = 0;
    for (int i = 0; i < sections.length; i += 2) n += sections[i + 1] < 0 ? sections[i] : sections[i + 1];
    return n;
  }

  public boolean empty() {
    for (int i = 0; i < sections.length; i += 2) if (sections[i + 1] >= 0) return false;
    return true;
  }

  public String apply(String doc) {
    if (length() != doc.length()) {
      throw new InvalidChangeSetException("changes are for a document of length " + length() + ", not " + doc.length());
    }
    StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE, newLength()));
    int pos = 0;
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        out.append(doc, pos, pos + len);
      } else if (ins > 0) {
        out.append(text(i >> 1));
      }
      pos += len;
    }
    return out.toString();
  }

  /** These changes moved over {@code other} (both made on the same document). */
  public ChangeSet map(ChangeSet other, boolean before) {
    return mapSet(this, other, before);
  }

  /** These changes followed by {@code other}. */
  public ChangeSet compose(ChangeSet other) {
    return composeSets(this, other);
  }

  String text(int pairIndex) {
    return pairIndex < inserted.length && inserted[pairIndex] != null ? inserted[pairIndex] : "";
  }

  // ---- port of @codemirror/state's internals ----

  private static final class Builder {
    int[] sections = new int[16];
    int size;
    final List<String> insert = new ArrayList<>();

    void addSection(int len, int ins, boolean forceJoin) {
      if (len == 0 && ins <= 0) return;
      int last = size - 2;
      if (last >= 0 && ins <= 0 && ins == sections[last + 1]) {
        sections[last] += len;
      } else if (last >= 0 && len == 0 && sections[last] == 0) {
        sections[last + 1] += ins;
      } else if (forceJoin) {
        sections[last] += len;
        sections[last + 1] += ins;
      } else {
        if (size + 2 > sections.length) sections = Arrays.copyOf(sections, sections.length * 2);
        sections[size++] = len;
        sections[size++] = ins;
      }
    }

    void addSection(int len, int ins) {
      addSection(len, ins, false);
    }

    void addInsert(String value) {
      if (value.isEmpty()) return;
      int index = (size - 2) >> 1;
      if (index < insert.size()) {
        insert.set(insert.size() - 1, insert.get(insert.size() - 1) + value);
      } else {
        while (insert.size() < index) insert.add("");
        insert.add(value);
      }
    }

    ChangeSet build() {
      return new ChangeSet(Arrays.copyOf(sections, size), insert.toArray(String[]::new));
    }
  }

  private static final class SectionIter {
    final ChangeSet set;
    int i;
    int len;
    int ins;
    int off;

    SectionIter(ChangeSet set) {
      this.set = set;
      next();
    }

    void next() {
      if (i < set.sections.length) {
        len = set.sections[i++];
        ins = set.sections[i++];
      } else {
        len = 0;
        ins = -2;
      }
      off = 0;
    }

    boolean done() {
      return ins == -2;
    }

    int len2() {
      return ins < 0 ? len : ins;
    }

    String text() {
      int index = (i - 2) >> 1;
      return set.text(index);
    }

    String textBit(int n) {
      String t = text();
      return t.isEmpty() && n == 0 ? "" : t.substring(off, off + n);
    }

    void forward(int n) {
      if (n == len) {
        next();
      } else {
        len -= n;
        off += n;
      }
    }

    void forward2(int n) {
      if (ins == -1) {
        forward(n);
      } else if (n == ins) {
        next();
      } else {
        ins -= n;
        off += n;
      }
    }
  }

  static ChangeSet mapSet(ChangeSet setA, ChangeSet setB, boolean before) {
    Builder out = new Builder();
    SectionIter a = new SectionIter(setA);
    SectionIter b = new SectionIter(setB);
    for (int inserted = -1; ; ) {
      if (a.done() && b.len != 0 || b.done() && a.len != 0) {
        throw new InvalidChangeSetException("mismatched change set lengths");
      } else if (a.ins == -1 && b.ins == -1) {
        int len = Math.min(a.len, b.len);
        out.addSection(len, -1);
        a.forward(len);
        b.forward(len);
      } else if (b.ins >= 0 && (a.ins < 0 || inserted == a.i || a.off == 0 && (b.len < a.len || b.len == a.len && !before))) {
        int len = b.len;
        out.addSection(b.ins, -1);
        while (len != 0) {
          int piece = Math.min(a.len, len);
          if (a.ins >= 0 && inserted < a.i && a.len <= piece) {
            out.addSection(0, a.ins);
            out.addInsert(a.text());
            inserted = a.i;
          }
          a.forward(piece);
          len -= piece;
        }
        b.next();
      } else if (a.ins >= 0) {
        int len = 0;
        int left = a.len;
        while (left != 0) {
          if (b.ins == -1) {
            int piece = Math.min(left, b.len);
            len += piece;
            left -= piece;
            b.forward(piece);
          } else if (b.ins == 0 && b.len < left) {
            left -= b.len;
            b.next();
          } else {
            break;
          }
        }
        out.addSection(len, inserted < a.i ? a.ins : 0);
        if (inserted < a.i) out.addInsert(a.text());
        inserted = a.i;
        a.forward(a.len - left);
      } else if (a.done() && b.done()) {
        return out.build();
      } else {
        throw new InvalidChangeSetException("mismatched change set lengths");
      }
    }
  }

  static ChangeSet composeSets(ChangeSet setA, ChangeSet setB) {
    Builder out = new Builder();
    SectionIter a = new SectionIter(setA);
    SectionIter b = new SectionIter(setB);
    for (boolean open = false; ; ) {
      if (a.done() && b.done()) {
        return out.build();
      } else if (a.ins == 0) {
        out.addSection(a.len, 0, open);
        a.next();
      } else if (b.len == 0 && !b.done()) {
        out.addSection(0, b.ins, open);
        out.addInsert(b.text());
        b.next();
      } else if (a.done() || b.done()) {
        throw new InvalidChangeSetException("mismatched change set lengths");
      } else {
        int len = Math.min(a.len2(), b.len);
        int sectionLen = out.size;
        if (a.ins == -1) {
          int insB = b.ins == -1 ? -1 : b.off != 0 ? 0 : b.ins;
          out.addSection(len, insB, open);
          if (insB > 0) out.addInsert(b.text());
        } else if (b.ins == -1) {
          out.addSection(a.off != 0 ? 0 : a.len, len, open);
          out.addInsert(a.textBit(len));
        } else {
          out.addSection(a.off != 0 ? 0 : a.len, b.off != 0 ? 0 : b.ins, open);
          if (b.off == 0) out.addInsert(b.text());
        }
        open = (a.ins > len || b.ins >= 0 && b.len > len) && (open || out.size > sectionLen);
        a.forward2(len);
        b.forward(len);
      }
    }
  }
}
