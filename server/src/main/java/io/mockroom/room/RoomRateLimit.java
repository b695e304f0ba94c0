package io.mockroom.room;

import java.util.function.LongSupplier;

/**
 * The budget of messages one room takes from all of its sockets together: a token bucket of
 * {@link #BURST} refilled at {@link #PER_SECOND}. Each socket has its own limit at the gateway
 * (60 a second); this one stops twenty sockets from flooding one room together. It counts messages
 * as the room receives them, wherever their sockets are (in a cluster, at the room's owner), so it
 * is neither per socket nor per address. A refused message is dropped whole: nothing of it is
 * applied, logged or broadcast, and its sender gets {@link #refusal()}.
 *
 * <p>Pings are not counted: they cost the room only a pong to their sender (the socket's own limit
 * bounds them), and a participant's keep-alive must not fail because others flood the room.
 *
 * <p>Not thread-safe: used only on the room's context, from {@link Room#handle}.
 */
final class RoomRateLimit {
  /** Sustained messages a second into one room (twenty participants typing send far fewer). */
  static final double PER_SECOND = 300;
  static final double BURST = 600;

  private final LongSupplier nanos;
  private double tokens = BURST;
  private long refilled;

  RoomRateLimit() {
    this(System::nanoTime);
  }

  /** With a clock of the caller's (a test's). */
  RoomRateLimit(LongSupplier nanos) {
    this.nanos = nanos;
    this.refilled = nanos.getAsLong();
  }

  /** True when the room takes this message now (and counts it); false when it must be dropped. */
  boolean admit(ClientMessage message) {
    if (message instanceof ClientMessage.Ping) return true;
    long now = nanos.getAsLong();
    tokens = Math.min(BURST, tokens + (now - refilled) / 1e9 * PER_SECOND);
    refilled = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  /** What the sender of a dropped message is told. */
  static ServerMessage.Error refusal() {
    return new ServerMessage.Error("rate_limited", "This room is receiving too many messages; this one was dropped. "
        + "Wait a moment and send it again (a room takes at most " + (int) PER_SECOND + " messages a second from everyone in it).");
  }
}
