/**
 * The shared answer editor's authority, in pure Java (no Vert.x, no database): the
 * {@code @codemirror/collab} model, wire-compatible with CodeMirror 6 clients.
 *
 * <h2>Model</h2>
 * A {@link io.mockroom.collab.CollabDocument} holds a document's text and its accepted
 * {@link io.mockroom.collab.Update}s; the version is their count (from the empty document, or
 * from a snapshot's version). A client keeps its synced version and its unconfirmed updates, and
 * pushes {@code {version, updates: [{clientID, changes}]}}: all its unconfirmed updates, at its
 * synced version. The authority accepts a push whole or not at all. At the current version it
 * applies it; at an older one it leaves out updates it already accepted (recognised by client ID)
 * and rebases the rest ({@link io.mockroom.collab.Rebase}, a port of {@code rebaseUpdates}) when
 * that provably gives what the client computes, and otherwise refuses it as stale so the client
 * catches up and rebases itself. Accepted updates are broadcast in order, one message per push;
 * each client's {@code receiveUpdates} confirms its own by client ID and maps the rest over the
 * foreign ones with the same {@link io.mockroom.collab.ChangeSet#map} calls. The invariants are
 * written out on {@link io.mockroom.collab.CollabDocument}.
 *
 * <h2>Wire format</h2>
 * {@code changes} is {@code ChangeSet.toJSON()}: an array of parts, each {@code n} (keep n
 * characters), {@code [n]} (delete n) or {@code [n, "line1", "line2", ...]} (replace n
 * characters by the lines joined with "\n"). Lengths count UTF-16 units, like
 * {@link java.lang.String#length()}: an emoji outside the BMP counts 2. Example: on "hello",
 * {@code [5, [0, "", "world"]]} appends a line "world". A "line" that itself contains "\n" is
 * taken as JavaScript's {@code fromJSON} takes it (its characters count as they are). Malformed
 * JSON, negative or fractional lengths, more than {@link io.mockroom.collab.ChangeSet#MAX_PARTS}
 * parts, or changes for a document of another length raise
 * {@link io.mockroom.collab.InvalidChangeSetException} with the reason.
 */
package io.mockroom.collab;
