package io.mockroom.room;

import java.util.function.LongSupplier;

/**
 * The budgets of messages one room takes from its sockets, one per side: everyone with the
 * candidate link shares one, and the staff (interviewers and observers, accounts invited to the
 * session) share the other. Each is a token bucket of {@link #BURST} refilled at
 * {@link #PER_SECOND}. Each socket has its own limit at the gateway (60 a second); these stop many
 * sockets from flooding one room together — and, being apart, stop whoever holds the candidate
 * link (which anyone it was forwarded to may hold, on as many sockets as the room lets in) from
 * using up the budget of the room's staff. They count messages as the room receives them,
 * wherever their sockets are (in a cluster, at the room's owner), so they are neither per socket
 * nor per address. A refused message is dropped whole: nothing of it is applied, logged or
 * broadcast, and its sender gets {@link #refusal()}.
 *
 * <p>Pings are not counted: they cost the room only a pong to their sender (the socket's own limit
 * bounds them), and a participant's keep-alive must not fail because others flood the room.
 *
 * <p>Not thread-safe: used only on the room's context, from {@link Room#handle}.
 */
final class RoomRateLimit {
  /** Sustained messages a second into one room from one side (twenty participants typing send far fewer). */
  static final double PER_SECOND = 300;
  static final double BURST = 600;

  private final LongSupplier nanos;
  private final Bucket staff;
  private final Bucket candidates;

  RoomRateLimit() {
    this(System::nanoTime);
  }

  /** With a clock of the caller's (a test's). */
  RoomRateLimit(LongSupplier nanos) {
    this.nanos = nanos;
    this.staff = new Bucket(nanos.getAsLong());
    this.candidates = new Bucket(nanos.getAsLong());
  }

  /** True when the room takes this message from a participant of {@code role} now (and counts it); false when it must be dropped. */
  boolean admit(Role role, ClientMessage message) {
    if (message instanceof ClientMessage.Ping) return true;
    return (role.staff() ? staff : candidates).take(nanos.getAsLong());
  }

  /** What the sender of a dropped message is told; {@code id} names the message when it had one (its client resends it later). */
  static ServerMessage.Error refusal(java.util.UUID id) {
    return new ServerMessage.Error("rate_limited", "This room is receiving too many messages; this one was dropped. "
        + "Wait a moment and send it again (a room takes at most " + (int) PER_SECOND
        + " messages a second from its candidates, and as many from its interviewers and observers).", null, null, id);
  }

  private static final class Bucket {
    private double tokens = BURST;
    private long refilled;

    Bucket(long now) {
      this.refilled = now;
    }

    boolean take(long now) {
      tokens = Math.min(BURST, tokens + (now - refilled) / 1e9 * PER_SECOND);
      refilled = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    }
  }
}
