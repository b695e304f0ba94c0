package io.mockroom.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authority for one shared document (the {@code @codemirror/collab} model): its text and the
 * list of accepted updates, whose count is the version. Not thread-safe: its room owns it.
 *
 * <p>A push is accepted whole or not at all. A push made at an older version is rebased over the
 * updates accepted since ({@link Rebase}); updates of the pusher that are already among those
 * (same client ID, same order) are dropped, so a resend after a lost confirmation applies once.
 * Only the last {@code historyLimit} updates are kept; a client further behind must reload.
 */
public final class CollabDocument {
  /** Outcome of a push: the updates as accepted (after rebase), or why none was. */
  public record PushResult(boolean accepted, List<Update> updates, String reason) {
    static PushResult ok(List<Update> updates) {
      return new PushResult(true, updates, null);
    }

    static PushResult rejected(String reason) {
      return new PushResult(false, List.of(), reason);
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
    List<Update> rebased;
    try {
      rebased = Rebase.rebaseUpdates(updates, over);
    } catch (InvalidChangeSetException e) {
      return PushResult.rejected("the changes do not fit version " + baseVersion + " of the document");
    }
    String next = text;
    for (Update u : rebased) {
      if (u.changes().length() != next.length()) {
        return PushResult.rejected("the changes are for a document of length " + u.changes().length()
            + ", but version " + baseVersion + " has length " + (baseVersion == version ? next.length() : "another"));
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
