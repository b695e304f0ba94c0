package io.mockroom.collab;

import java.util.ArrayList;
import java.util.List;

/** Port of {@code @codemirror/collab}'s {@code rebaseUpdates} (6.1.x). */
public final class Rebase {
  private Rebase() {}

  /**
   * Moves {@code updates}, pushed at some version V, over {@code over}, the updates accepted
   * since V, so they apply to the current document.
   *
   * <p>Deduplication, as in the JavaScript: walking {@code over} in order, an accepted update
   * whose client ID equals that of the next not-yet-matched pushed update is taken to BE that
   * update (already accepted; e.g. its confirmation was lost) and is left out of the result.
   * That is sound because a client's push always holds all its unconfirmed updates, oldest first
   * ({@code sendableUpdates}), and client IDs are unique per editor session: the pusher's updates
   * accepted after V are then exactly a prefix of the push.
   *
   * <p>The calls (compose the foreign updates, map them over the pusher's own with
   * {@code before = true}, map the rest over them) are those {@code receiveUpdates} makes on the
   * client. They give the client's result only if the client receives the foreign updates in the
   * same batches: {@link CollabDocument} rebases only when that cannot differ.
   */
  public static List<Update> rebaseUpdates(List<Update> updates, List<Update> over) {
    if (over.isEmpty() || updates.isEmpty()) return updates;
    ChangeSet changes = null; // the foreign part of `over`, expressed after the skipped own updates
    int skip = 0;
    for (Update update : over) {
      Update other = skip < updates.size() ? updates.get(skip) : null;
      if (other != null && other.clientId().equals(update.clientId())) {
        if (changes != null) changes = changes.map(other.changes(), true);
        skip++;
      } else {
        changes = changes == null ? update.changes() : changes.compose(update.changes());
      }
    }
    List<Update> rest = updates.subList(skip, updates.size());
    if (changes == null) return List.copyOf(rest);
    List<Update> out = new ArrayList<>(rest.size());
    for (Update u : rest) {
      ChangeSet mapped = u.changes().map(changes);
      changes = changes.map(u.changes(), true);
      out.add(new Update(u.clientId(), mapped));
    }
    return out;
  }
}
