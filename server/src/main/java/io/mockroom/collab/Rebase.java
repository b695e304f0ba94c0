package io.mockroom.collab;

import java.util.ArrayList;
import java.util.List;

/** Port of {@code @codemirror/collab}'s {@code rebaseUpdates}. */
public final class Rebase {
  private Rebase() {}

  /**
   * Moves {@code updates} (made at some version V) over {@code over} (the updates accepted since
   * V). A prefix of {@code updates} whose client IDs match, in order, updates in {@code over} is
   * taken to be already accepted — a resend after a lost confirmation — and dropped; the rest is
   * mapped over everything else in {@code over}.
   */
  public static List<Update> rebaseUpdates(List<Update> updates, List<Update> over) {
    if (over.isEmpty() || updates.isEmpty()) return updates;
    ChangeSet changes = null;
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
    List<Update> rest = skip == 0 ? updates : updates.subList(skip, updates.size());
    if (changes == null) return rest;
    List<Update> out = new ArrayList<>(rest.size());
    for (Update u : rest) {
      ChangeSet mapped = u.changes().map(changes, false);
      changes = changes.map(u.changes(), true);
      out.add(new Update(u.clientId(), mapped));
    }
    return out;
  }
}
