package io.mockroom.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Several simulated clients type at random places while messages are delayed at random (FIFO
 * per direction, as a WebSocket is), pushes made at an older version are refused as stale (the
 * client catches up and pushes again), connections drop — losing pushes in flight and
 * confirmations — and clients reconnect, catch up from the authority's history and resend what
 * is unconfirmed. At the end every client's text equals the authority's, and replaying the
 * authority's history from empty gives its text. Replay one seed with -Dcollab.seed=N.
 */
class ClientsAndTheAuthorityConvergeTest {
  record Push(int version, List<Update> updates) {}

  static final class Link {
    final SimulatedClient client;
    final ArrayDeque<Push> up = new ArrayDeque<>();
    /** Server to client: accepted updates, or an empty list meaning "your push was stale". */
    final ArrayDeque<List<Update>> down = new ArrayDeque<>();
    boolean connected = true;
    boolean pushing;

    Link(SimulatedClient client) {
      this.client = client;
    }
  }

  @Test
  void everyClientEndsWithTheAuthoritysText() {
    String only = System.getProperty("collab.seed");
    long first = only == null ? 1 : Long.parseLong(only);
    long last = only == null ? 300 : first;
    resendsSkipped = 0;
    stalePushes = 0;
    for (long seed = first; seed <= last; seed++) run(seed);
    if (only == null) {
      assertThat(resendsSkipped).as("resends of accepted updates happened and were applied once").isPositive();
      assertThat(stalePushes).as("stale pushes happened").isPositive();
    }
  }

  static int resendsSkipped;
  static int stalePushes;

  static void run(long seed) {
    Random r = new Random(seed);
    CollabDocument authority = new CollabDocument(1_000_000, 100_000);
    List<Link> links = new ArrayList<>();
    int clients = 2 + r.nextInt(3);
    for (int i = 0; i < clients; i++) links.add(new Link(new SimulatedClient("c" + i + "-" + seed, "", 0)));
    int steps = 200 + r.nextInt(300);
    for (int step = 0; step < steps; step++) {
      Link l = links.get(r.nextInt(links.size()));
      int action = r.nextInt(10);
      if (action < 4) {
        l.client.localChange(l.client.randomEdit(r));
      } else if (action < 6) {
        send(l);
      } else if (action < 9) {
        deliver(l, authority, links, r);
      } else if (r.nextInt(4) == 0) {
        // The connection drops: whatever is in flight either way is lost.
        l.connected = false;
        l.up.clear();
        l.down.clear();
        l.pushing = false;
        reconnect(l, authority, r);
      }
    }
    // Let the network settle: reconnect everyone, flush everything, until all is confirmed.
    for (int round = 0; round < 100; round++) {
      for (Link l : links) {
        if (!l.connected) reconnect(l, authority, r);
        send(l);
        while (!l.up.isEmpty() || !l.down.isEmpty()) deliver(l, authority, links, r);
      }
      if (links.stream().allMatch(l -> l.client.sendable().isEmpty() && l.client.version() == authority.version())) break;
    }
    String replayed = "";
    for (Update u : authority.updatesSince(0).orElseThrow()) replayed = u.changes().apply(replayed);
    assertThat(replayed).as("seed %d: history replays to the text", seed).isEqualTo(authority.text());
    for (Link l : links) {
      assertThat(l.client.sendable()).as("seed %d: %s has nothing unconfirmed", seed, l.client.clientId).isEmpty();
      assertThat(l.client.text()).as("seed %d: %s converged", seed, l.client.clientId).isEqualTo(authority.text());
    }
  }

  static void send(Link l) {
    if (!l.connected || l.pushing || l.client.sendable().isEmpty()) return;
    l.up.add(new Push(l.client.version(), l.client.sendable()));
    l.pushing = true;
  }

  /** Delivers one message in one direction of this link (chosen at random). */
  static void deliver(Link l, CollabDocument authority, List<Link> links, Random r) {
    boolean upFirst = r.nextBoolean();
    if (upFirst && !l.up.isEmpty() || l.down.isEmpty() && !l.up.isEmpty()) {
      Push p = l.up.poll();
      CollabDocument.PushResult result = authority.push(p.version(), p.updates());
      assertThat(result.accepted() || result.stale()).as(result.reason()).isTrue();
      if (result.accepted() && result.updates().size() < p.updates().size()) resendsSkipped++;
      if (result.stale()) {
        stalePushes++;
        l.down.add(List.of());
      } else if (!result.updates().isEmpty()) {
        for (Link other : links) if (other.connected) other.down.add(result.updates());
      } else {
        l.pushing = false; // nothing new: it was all a resend
      }
    } else if (!l.down.isEmpty()) {
      List<Update> updates = l.down.poll();
      if (updates.isEmpty()) {
        l.pushing = false; // stale: push again once caught up
        return;
      }
      l.client.receive(updates);
      if (updates.stream().anyMatch(u -> u.clientId().equals(l.client.clientId))) l.pushing = false;
    }
  }

  /**
   * A new connection. The authority first sends what the client missed (as the room's welcome
   * does); half of the time the client resends its unconfirmed updates before that arrives, so
   * the authority sees a resend of updates it already accepted.
   */
  static void reconnect(Link l, CollabDocument authority, Random r) {
    l.connected = true;
    if (r.nextBoolean()) send(l);
    List<Update> missed = authority.updatesSince(l.client.version()).orElseThrow();
    if (!missed.isEmpty()) l.down.add(missed);
  }
}
