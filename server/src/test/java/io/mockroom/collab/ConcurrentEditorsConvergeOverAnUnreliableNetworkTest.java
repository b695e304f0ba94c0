package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mockroom.collab.CollabDocument.PushResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Several editors type at once (inserts, deletes, replacements; emoji, CJK, accents, newlines)
 * over a simulated network: random delays but FIFO per connection and direction (a WebSocket),
 * connections that drop (losing confirmations and broadcasts; frames already sent may still reach
 * the authority after the client has reconnected, as through another node), reconnects that say
 * hello at the synced version and resend everything unconfirmed, retries on the same connection,
 * and an authority that rebases a push made at an older version or refuses it as stale. In the
 * end every editor's text equals the authority's, which equals its history replayed from empty.
 * 200 seeds per run; every assertion names its seed; -Dcollab.seed=N replays one.
 */
class ConcurrentEditorsConvergeOverAnUnreliableNetworkTest {
  private static final String[] PIECES = {"a", "bc", "def", " ", "\n", "é", "e\u0301", "中文", "😀", "👩‍💻", "x = 1\n"};

  sealed interface Up permits Hello, Push {}
  record Hello(int version) implements Up {}
  record Push(int version, List<Update> updates) implements Up {}
  /** Server to client: updates from {@code from}, or a bare answer to a push ({@code updates} null). */
  record Down(int from, List<Update> updates) {}
  record Timed<T>(long at, T message) {}

  /** One connection: two FIFO queues whose delivery times never decrease. */
  static final class Connection {
    final SimulatedClient client;
    final ArrayDeque<Timed<Up>> up = new ArrayDeque<>();
    final ArrayDeque<Timed<Down>> down = new ArrayDeque<>();
    boolean open = true;
    boolean registered; // receives broadcasts once its hello is processed

    Connection(SimulatedClient client) {
      this.client = client;
    }
  }

  static final class Editor {
    final SimulatedClient client;
    Connection conn;
    boolean waiting; // a push is in flight and unanswered
    long reconnectAt = -1;

    Editor(SimulatedClient client) {
      this.client = client;
    }
  }

  long seed;
  Random r;
  long now;
  CollabDocument authority;
  final List<Connection> connections = new ArrayList<>();
  int rebased;
  int stale;
  int resendsSkipped;
  int orphanFrames;

  @Test
  void everyEditorEndsWithTheAuthoritysText() {
    String only = System.getProperty("collab.seed");
    long first = only == null ? 1 : Long.parseLong(only);
    long last = only == null ? 200 : first;
    int[] totals = new int[4];
    for (long s = first; s <= last; s++) {
      ConcurrentEditorsConvergeOverAnUnreliableNetworkTest run = new ConcurrentEditorsConvergeOverAnUnreliableNetworkTest();
      run.run(s);
      totals[0] += run.rebased;
      totals[1] += run.stale;
      totals[2] += run.resendsSkipped;
      totals[3] += run.orphanFrames;
    }
    if (only == null) {
      System.out.printf("collab convergence: %d rebased pushes, %d stale, %d resends skipped, %d late frames%n",
          totals[0], totals[1], totals[2], totals[3]);
      assertThat(totals).as("rebased, stale, resends skipped, late frames of dead connections all happened").doesNotContain(0);
    }
  }

  void run(long seed) {
    this.seed = seed;
    r = new Random(seed);
    authority = new CollabDocument(1_000_000, 1_000_000);
    List<Editor> editors = new ArrayList<>();
    for (int i = 2 + r.nextInt(3); i > 0; i--) {
      Editor e = new Editor(new SimulatedClient("editor" + i + "-" + Long.toHexString(r.nextLong()), "", 0));
      connect(e);
      editors.add(e);
    }
    for (int steps = 300 + r.nextInt(300); steps > 0; steps--) {
      now++;
      Editor e = editors.get(r.nextInt(editors.size()));
      int action = r.nextInt(100);
      if (action < 40) {
        e.client.localChange(randomEdit(e.client.text()));
      } else if (action < 60) {
        push(e, r.nextInt(8) == 0); // now and then a retry while a push is in flight
      } else if (action < 63 && e.conn != null) {
        drop(e);
      }
      for (Editor each : editors) if (each.conn == null && each.reconnectAt <= now) connect(each);
      deliverDue(editors);
    }
    settle(editors);
    String replayed = "";
    for (Update u : authority.updatesSince(0).orElseThrow()) replayed = u.changes().apply(replayed);
    assertThat(replayed).as("seed %d: the history replays to the text", seed).isEqualTo(authority.text());
    assertThat(wellFormed(authority.text())).as("seed %d: no surrogate pair was split", seed).isTrue();
    for (Editor e : editors) {
      assertThat(e.client.text()).as("seed %d: %s converged", seed, e.client.clientId).isEqualTo(authority.text());
    }
  }

  private void connect(Editor e) {
    e.conn = new Connection(e.client);
    e.waiting = false;
    connections.add(e.conn);
    send(e.conn, new Hello(e.client.version()));
    if (r.nextBoolean()) push(e, false); // resend at once, before the catch-up arrives
  }

  private void drop(Editor e) {
    Connection c = e.conn;
    c.open = false;
    c.registered = false;
    c.down.clear(); // confirmations and broadcasts in flight are lost
    // Frames already sent may still reach the authority (late, as via another node), or not.
    int keep = r.nextInt(c.up.size() + 1);
    while (c.up.size() > keep) c.up.pollLast();
    e.conn = null;
    e.reconnectAt = now + r.nextInt(30);
  }

  private void push(Editor e, boolean retry) {
    if (e.conn == null || e.client.sendable().isEmpty() || e.waiting && !retry) return;
    send(e.conn, new Push(e.client.version(), e.client.sendable()));
    e.waiting = true;
  }

  private long delay(ArrayDeque<? extends Timed<?>> queue) {
    long at = now + r.nextInt(r.nextInt(10) == 0 ? 40 : 5);
    return queue.isEmpty() ? at : Math.max(at, queue.peekLast().at());
  }

  private void send(Connection c, Up m) {
    c.up.add(new Timed<>(delay(c.up), m));
  }

  private void reply(Connection c, Down m) {
    if (c.open) c.down.add(new Timed<>(delay(c.down), m));
  }

  private void deliverDue(List<Editor> editors) {
    for (Connection c : List.copyOf(connections)) {
      while (!c.up.isEmpty() && c.up.peek().at() <= now) serve(c, c.up.poll().message());
      if (!c.open && c.up.isEmpty()) connections.remove(c);
    }
    for (Editor e : editors) {
      while (e.conn != null && !e.conn.down.isEmpty() && e.conn.down.peek().at() <= now) receive(e, e.conn.down.poll().message());
    }
  }

  private void serve(Connection c, Up m) {
    if (!c.open) orphanFrames++;
    if (m instanceof Hello h) {
      c.registered = c.open;
      List<Update> missed = authority.updatesSince(h.version()).orElseThrow();
      if (!missed.isEmpty()) reply(c, new Down(h.version(), missed));
    } else if (m instanceof Push p) {
      int before = authority.version();
      PushResult result = authority.push(p.version(), p.updates());
      if (!result.accepted() && !result.stale()) fail("seed " + seed + ": push refused: " + result.reason());
      if (result.stale()) stale++;
      if (result.accepted() && result.updates().size() < p.updates().size()) resendsSkipped++;
      if (result.accepted() && p.version() < before && !result.updates().isEmpty()) rebased++;
      if (result.updates().isEmpty()) {
        reply(c, new Down(-1, null));
      } else {
        for (Connection other : connections) if (other.registered) reply(other, new Down(before, result.updates()));
      }
    }
  }

  private void receive(Editor e, Down m) {
    if (m.updates() == null) {
      e.waiting = false;
      return;
    }
    assertThat(m.from()).as("seed %d: %s receives updates in order", seed, e.client.clientId).isEqualTo(e.client.version());
    e.client.receive(m.updates());
    if (m.updates().stream().anyMatch(u -> u.clientId().equals(e.client.clientId))) e.waiting = false;
  }

  /** No more typing or drops: everyone connects, pushes and reads until nothing is left. */
  private void settle(List<Editor> editors) {
    for (int round = 0; round < 10_000; round++) {
      now++;
      for (Editor e : editors) {
        if (e.conn == null) connect(e);
        push(e, false);
      }
      deliverDue(editors);
      boolean quiet = connections.stream().allMatch(c -> c.up.isEmpty() && c.down.isEmpty());
      if (quiet && editors.stream().allMatch(e -> e.client.sendable().isEmpty() && e.client.version() == authority.version())) return;
    }
    fail("seed " + seed + ": the network did not settle");
  }

  private ChangeSet randomEdit(String text) {
    int len = text.length();
    int from = boundary(text, r.nextInt(len + 1));
    int to = from;
    if (len > 0 && r.nextInt(3) == 0) to = boundary(text, Math.min(len, from + 1 + r.nextInt(6)));
    String insert = to > from && r.nextInt(3) == 0 ? "" : PIECES[r.nextInt(PIECES.length)];
    return ChangeSet.replace(len, from, to, insert);
  }

  /** Moves a position off the middle of a surrogate pair, as an editor's cursor would be. */
  private static int boundary(String text, int pos) {
    return pos > 0 && pos < text.length() && Character.isLowSurrogate(text.charAt(pos)) ? pos + 1 : pos;
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) return false;
      if (Character.isLowSurrogate(c)) return false;
    }
    return true;
  }
}
