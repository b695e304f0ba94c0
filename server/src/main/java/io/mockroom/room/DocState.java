package io.mockroom.room;

import io.mockroom.collab.CollabDocument;
import io.mockroom.collab.Update;
import java.util.List;
import java.util.Optional;

/**
 * One answer document of a room: the authority's head (which includes updates whose log write is
 * still in flight, so later pushes rebase over them) and the committed prefix, which is all a
 * client is ever shown. Invariant: {@code committedVersion <= doc.version()} and
 * {@code committedText} is the text at {@code committedVersion}.
 */
final class DocState {
  final CollabDocument doc;
  private int committedVersion;
  private String committedText;

  DocState(CollabDocument doc) {
    this.doc = doc;
    this.committedVersion = doc.version();
    this.committedText = doc.text();
  }

  /** An update of this document reached the log; it is now safe to show. */
  void committed(Update u) {
    // Usually nothing is in flight behind this update: the head's text is the committed text
    // (the same String), and the document is not copied a second time.
    committedText = committedVersion + 1 == doc.version() ? doc.text() : u.changes().apply(committedText);
    committedVersion++;
  }

  int committedVersion() {
    return committedVersion;
  }

  String committedText() {
    return committedText;
  }

  /** Committed updates after {@code version}, or empty when they are no longer held in memory. */
  Optional<List<Update>> committedSince(int version) {
    if (version > committedVersion || version < 0) return Optional.empty();
    return doc.updatesSince(version).map(all -> all.subList(0, committedVersion - version));
  }
}
