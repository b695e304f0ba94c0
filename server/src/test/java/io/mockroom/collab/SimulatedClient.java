package io.mockroom.collab;

import java.util.ArrayList;
import java.util.List;

/**
 * The client side of @codemirror/collab (6.1.x), ported line for line for tests: local text, the
 * synced version ({@code getSyncedVersion}), and the unconfirmed local updates
 * ({@code sendableUpdates}, never merged). {@link #receive} is {@code receiveUpdates} minus
 * effects: an incoming update with this client's ID is its oldest unconfirmed one coming back
 * (confirmed, not applied again); foreign ones are composed and the remaining unconfirmed updates
 * are mapped over them with the calls {@link Rebase#rebaseUpdates} makes on the server. The
 * differential test checks it against a real EditorState.
 */
public final class SimulatedClient {
  public final String clientId;
  private String text;
  private int version;
  private List<Update> unconfirmed = new ArrayList<>();

  public SimulatedClient(String clientId, String text, int version) {
    this.clientId = clientId;
    this.text = text;
    this.version = version;
  }

  public String text() {
    return text;
  }

  public int version() {
    return version;
  }

  public List<Update> sendable() {
    return List.copyOf(unconfirmed);
  }

  /** A local edit; like the collab plugin, an empty change records no update. */
  public void localChange(ChangeSet changes) {
    text = changes.apply(text);
    if (!changes.isEmpty()) unconfirmed.add(new Update(clientId, changes));
  }

  /** A fresh start from a snapshot, as a reload does: unconfirmed edits are dropped. */
  public void reload(String snapshot, int snapshotVersion) {
    text = snapshot;
    version = snapshotVersion;
    unconfirmed = new ArrayList<>();
  }

  /** Port of {@code receiveUpdates}: own updates confirm unconfirmed ones, others are applied and our pending ones mapped over them. */
  public void receive(List<Update> updates) {
    version += updates.size();
    ChangeSet changes = null;
    int own = 0;
    for (Update update : updates) {
      Update ours = own < unconfirmed.size() ? unconfirmed.get(own) : null;
      if (ours != null && ours.clientId().equals(update.clientId())) {
        if (changes != null) changes = changes.map(ours.changes(), true);
        own++;
      } else {
        changes = changes == null ? update.changes() : changes.compose(update.changes());
      }
    }
    if (own > 0) unconfirmed = new ArrayList<>(unconfirmed.subList(own, unconfirmed.size()));
    if (!unconfirmed.isEmpty() && changes != null) {
      List<Update> mapped = new ArrayList<>();
      for (Update u : unconfirmed) {
        ChangeSet updateChanges = u.changes().map(changes, false);
        changes = changes.map(u.changes(), true);
        mapped.add(new Update(clientId, updateChanges));
      }
      unconfirmed = mapped;
    }
    if (changes != null) text = changes.apply(text);
  }

  /** A random edit of the current text: insert, delete or replace, ASCII or not. */
  public ChangeSet randomEdit(java.util.Random r) {
    String[] pieces = {"a", "bc", "\n", "é", "😀", "中文", "x = 1\n", " "};
    int len = text.length();
    int from = r.nextInt(len + 1);
    // Never split a surrogate pair: an editor does not either.
    if (from > 0 && from < len && Character.isLowSurrogate(text.charAt(from))) from--;
    int to = from;
    if (len > 0 && r.nextInt(3) == 0) {
      to = Math.min(len, from + 1 + r.nextInt(3));
      if (to < len && Character.isLowSurrogate(text.charAt(to))) to++;
    }
    String insert = r.nextInt(4) == 0 && to > from ? "" : pieces[r.nextInt(pieces.length)];
    return ChangeSets.replace(len, from, to, insert);
  }
}
