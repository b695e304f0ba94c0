package io.mockroom.room;

import io.mockroom.collab.CollabDocument;
import io.mockroom.collab.Update;
import java.util.List;
import java.util.Optional;

/**
 * One answer document of a room: the authority's head (which includes updates whose log write is
 * still in flight, so later pushes rebase over them) and the committed prefix, which is all a
 * client is ever shown. Invariant: {@code committedVersion <= doc.version()} and
 * {@code committed} holds the text at {@code committedVersion}.
 */
final class DocState {
  final CollabDocument doc;
  private int committedVersion;
  /** The text at {@code committedVersion}, edited in place as updates commit (no copy per keystroke). */
  private final StringBuilder committed;
  private String committedCopy; // committedText() as last copied; null once it changed

  DocState(CollabDocument doc) {
    this.doc = doc;
    this.committedVersion = doc.version();
    this.committed = new StringBuilder(doc.text());
  }

  /** An update of this document reached the log; it is now safe to show. */
  void committed(Update u) {
    u.changes().applyTo(committed);
    committedCopy = null;
    committedVersion++;
  }

  int committedVersion() {
    return committedVersion;
  }

  /** Copied out when asked (a join, a catch-up, a snapshot), not per keystroke. */
  String committedText() {
    if (committedCopy == null) committedCopy = committed.toString();
    return committedCopy;
  }

  /** Committed updates after {@code version}, or empty when they are no longer held in memory. */
  Optional<List<Update>> committedSince(int version) {
    if (version > committedVersion || version < 0) return Optional.empty();
    return doc.updatesSince(version).map(all -> all.subList(0, committedVersion - version));
  }
}
