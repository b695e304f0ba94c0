package io.mockroom.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Line-for-line port of the internals of {@code @codemirror/state} 6.x ({@code addSection},
 * {@code addInsert}, {@code SectionIter}, {@code mapSet}, {@code composeSets}). Keep it literal:
 * the server rebases pushes with these functions and the browsers map their unconfirmed updates
 * with the JavaScript ones; any difference in how concurrent insertions at one position are
 * ordered would make the server and the clients disagree about the text. The differential test
 * ({@code ChangeSetMatchesTheJavaScriptReferenceTest}) holds the two together.
 *
 * <p>Sections are pairs (len, ins): ins == -1 keeps len characters; ins >= 0 replaces len
 * characters by ins inserted ones, whose text is {@code inserted[pairIndex]}.
 */
final class Sections {
  private Sections() {}

  /** Accumulates sections and inserted texts as the JavaScript arrays do. */
  static final class Builder {
    int[] sections = new int[16];
    int size;
    final List<String> insert = new ArrayList<>();
    /** The old and new document lengths of the parts added with {@link #addPart}. */
    long length;
    long newLength;

    /**
     * A part of a change set read from JSON — {@code len} kept ({@code inserted} null) or replaced
     * by {@code inserted} — with the limit every reader of that JSON applies: false, and nothing
     * added, when either document length would pass {@link Integer#MAX_VALUE}.
     */
    boolean addPart(int len, String inserted) {
      length += len;
      newLength += inserted == null ? len : inserted.length();
      if (length > Integer.MAX_VALUE || newLength > Integer.MAX_VALUE) return false;
      addSection(len, inserted == null ? -1 : inserted.length());
      addInsert(inserted == null ? "" : inserted);
      return true;
    }

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

  /** A cursor over a set's sections; ins == -2 means done. */
  static final class Iter {
    final ChangeSet set;
    int i;
    int len;
    int ins;
    int off;

    Iter(ChangeSet set) {
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
      return set.text((i - 2) >> 1);
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

  /** {@code setA} moved to the document after {@code setB}; both start at the same document. */
  static ChangeSet mapSet(ChangeSet setA, ChangeSet setB, boolean before) {
    Builder out = new Builder();
    Iter a = new Iter(setA);
    Iter b = new Iter(setB);
    // inserted: the section index of A whose insertion was already emitted (A's changes that B
    // splits are processed piece by piece, but their text must be inserted once).
    for (int inserted = -1; ; ) {
      if (a.done() && b.len != 0 || b.done() && a.len != 0) {
        throw mismatch();
      } else if (a.ins == -1 && b.ins == -1) {
        int len = Math.min(a.len, b.len);
        out.addSection(len, -1);
        a.forward(len);
        b.forward(len);
      } else if (b.ins >= 0
          && (a.ins < 0 || inserted == a.i || a.off == 0 && (b.len < a.len || b.len == a.len && !before))) {
        // A change in B comes first (by start, then length, then the before flag): keep its
        // result and drop what of A it covers. This is where same-position insertions get ordered.
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
        // A's change up to the start of the next non-deletion change in B.
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
        throw mismatch();
      }
    }
  }

  /** {@code setA} followed by {@code setB}. */
  static ChangeSet composeSets(ChangeSet setA, ChangeSet setB) {
    Builder out = new Builder();
    Iter a = new Iter(setA);
    Iter b = new Iter(setB);
    for (boolean open = false; ; ) {
      if (a.done() && b.done()) {
        return out.build();
      } else if (a.ins == 0) { // deletion in A
        out.addSection(a.len, 0, open);
        a.next();
      } else if (b.len == 0 && !b.done()) { // insertion in B
        out.addSection(0, b.ins, open);
        out.addInsert(b.text());
        b.next();
      } else if (a.done() || b.done()) {
        throw mismatch();
      } else {
        int len = Math.min(a.len2(), b.len);
        int sectionLen = out.size;
        if (a.ins == -1) {
          int insB = b.ins == -1 ? -1 : b.off != 0 ? 0 : b.ins;
          out.addSection(len, insB, open);
          if (insB != 0) out.addInsert(b.text());
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

  private static InvalidChangeSetException mismatch() {
    return new InvalidChangeSetException("mismatched change set lengths");
  }
}
