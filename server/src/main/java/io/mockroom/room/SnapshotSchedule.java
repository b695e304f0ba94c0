package io.mockroom.room;

import java.util.UUID;

/**
 * When a document's text is written as a snapshot: every {@link #EVERY} versions, at a phase of
 * its own. Rooms opened together type in step — an interview day that starts at ten, or a
 * benchmark — and with one phase for all, every one of their documents reached version 100 in
 * the same second: thousands of snapshots at once, each a copy of its text, on the core that
 * also fans out keystrokes, and (once, on a fresh server) the JIT recompiling the paths a first
 * snapshot takes while every room waited. With a phase per document the same snapshots spread
 * evenly over the time it takes to type 100 versions, and a fresh server meets its first ones
 * within its first keystrokes. The phase is a function of the room and the document, so it is the
 * same after a restart: snapshots stay {@link #EVERY} apart. Loading never relies on where they
 * fall ({@link RoomLoader} takes whichever stored snapshot is old enough).
 */
final class SnapshotSchedule {
  static final int EVERY = 100;

  private SnapshotSchedule() {}

  /** True when the {@code accepted} updates that brought the document to {@code version} passed a snapshot point. */
  static boolean due(UUID room, String doc, int version, int accepted) {
    return Math.floorMod(version + phase(room, doc), EVERY) < accepted;
  }

  private static int phase(UUID room, String doc) {
    return Math.floorMod(31 * room.hashCode() + doc.hashCode(), EVERY);
  }
}
