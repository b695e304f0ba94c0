package io.mockroom.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authority for one shared document (the {@code @codemirror/collab} model): its text and the
 * list of accepted updates, whose count is the version. Not thread-safe: its room owns it.
 *
 * <p>A push is accepted whole or not at all, and only when it is made at the current version: the
 * authority never rebases (mapping over a composition of several updates can order same-position
 * insertions differently than a client that received them in other batches, and then texts
 * diverge; a randomized test found exactly that). A push at an older version is rejected as
 * stale; the client receives the updates it missed, rebases its own ({@code receiveUpdates}) and
 * pushes again. One exception keeps resends exactly-once: when everything accepted since the
 * push's version is a prefix of the push itself (same client ID, in order) — the client resent
 * updates whose confirmation it lost — that prefix is dropped and the rest, which was made on top
 * of it, is applied.
 *
 * <p>Only the last {@code historyLimit} updates are kept; a client further behind must reload.
 */
public final class CollabDocument {
  /** Outcome of a push: the updates as accepted (after rebase), or why none was. */
  public record PushResult(boolean accepted, boolean stale, List<Update> updates, String reason) {
    static PushResult ok(List<Update> updates) {
      return new PushResult(true, false, updates, null);
    }

    static PushResult rejected(String reason) {
      return new PushResult(false, false, List.of(), reason);
    }

    /** Made at an older version: the client must take the updates it missed first, then push again. */
    static PushResult stale(int version) {
      return new PushResult(false, true, List.of(), "the document is at version " + version + "; apply the newer updates and push again");
    }
  }

  private final int maxLength;
  private final int historyLimit;
  private String text;
  private int version;
  /** Updates from version {@code version - history.size()} to {@code version}. */
  private final ArrayList<Update> history = new ArrayList<>();

  public CollabDocument(int maxLength, int historyLimit) {
    this(maxLength, historyLimit, "", 0);
  }

  /** A document restored from a snapshot: {@code text} at {@code version}, no history before it. */
  public CollabDocument(int maxLength, int historyLimit, String text, int version) {
    this.maxLength = maxLength;
    this.historyLimit = historyLimit;
    this.text = text;
    this.version = version;
  }

  public String text() {
    return text;
  }

  public int version() {
    return version;
  }

  public PushResult push(int baseVersion, List<Update> updates) {
    if (baseVersion > version) return PushResult.rejected("version " + baseVersion + " is ahead of the document (" + version + ")");
    int oldest = version - history.size();
    if (baseVersion < oldest) return PushResult.rejected("version " + baseVersion + " is too old; reload the document");
    List<Update> over = history.subList(baseVersion - oldest, history.size());
    if (over.size() > updates.size()) return PushResult.stale(version);
    for (int i = 0; i < over.size(); i++) {
      if (!over.get(i).clientId().equals(updates.get(i).clientId())) return PushResult.stale(version);
    }
    List<Update> rebased = updates.subList(over.size(), updates.size());
    String next = text;
    for (Update u : rebased) {
      if (u.changes().length() != next.length()) {
        return PushResult.rejected("the changes are for a document of length " + u.changes().length()
            + ", but the document has length " + next.length());
      }
      next = u.changes().apply(next);
      if (next.length() > maxLength) return PushResult.rejected("the answer would be longer than " + maxLength + " characters");
    }
    text = next;
    version += rebased.size();
    history.addAll(rebased);
    if (history.size() > historyLimit) history.subList(0, history.size() - historyLimit).clear();
    return PushResult.ok(List.copyOf(rebased));
  }

  /** Updates after {@code since}, or empty when they are older than the kept history. */
  public Optional<List<Update>> updatesSince(int since) {
    int oldest = version - history.size();
    if (since < oldest || since > version) return Optional.empty();
    return Optional.of(List.copyOf(history.subList(since - oldest, history.size())));
  }
}
