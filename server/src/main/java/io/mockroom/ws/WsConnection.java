package io.mockroom.ws;

import io.mockroom.http.Json;
import io.mockroom.room.Connection;
import io.mockroom.room.ServerMessage;
import io.vertx.core.http.ServerWebSocket;

/**
 * A room socket. Sending never blocks: when the socket's write queue is full the peer is not
 * reading, and after {@link #SLOW_LIMIT_MS} of that it is closed (1008) so one stuck client
 * cannot grow the server's memory.
 */
final class WsConnection implements Connection {
  static final long SLOW_LIMIT_MS = 10_000;

  private final ServerWebSocket ws;
  private final String id;
  private volatile long slowSince;
  private volatile boolean closed;

  private final java.util.concurrent.atomic.AtomicInteger slowSockets;

  WsConnection(ServerWebSocket ws, String id, java.util.concurrent.atomic.AtomicInteger slowSockets) {
    this.ws = ws;
    this.id = id;
    this.slowSockets = slowSockets;
  }

  @Override
  public void send(ServerMessage message) {
    if (!closed) sendEncoded(Json.encode(message).toString());
  }

  /**
   * Never throws: a socket can close between the room's last look at it and this write (its close
   * event is still on its way to the room), and one dead socket must not stop a broadcast to the
   * others.
   */
  @Override
  public void sendEncoded(String json) {
    if (closed) return;
    try {
      if (ws.writeQueueFull()) {
        long now = System.currentTimeMillis();
        if (slowSince == 0) {
          slowSince = now;
          slowSockets.incrementAndGet();
        } else if (now - slowSince > SLOW_LIMIT_MS) {
          abandon();
          return;
        }
      } else if (slowSince != 0) {
        slowSince = 0;
        slowSockets.decrementAndGet();
      }
      ws.writeTextMessage(json);
    } catch (IllegalStateException closedMeanwhile) {
      markClosed();
    }
  }

  @Override
  public void close(short code, String reason) {
    if (closed) return;
    markClosed();
    try {
      ws.close(code, reason);
    } catch (IllegalStateException alreadyClosed) {
      // nothing to do
    }
  }

  /**
   * The peer stopped reading. A close frame would wait behind the full queue forever, so the
   * connection itself is shut down (after a second's grace), and the room is told at once.
   */
  private void abandon() {
    if (closed) return;
    abandoned = true;
    markClosed();
    onStuck.run();
    try {
      ws.shutdown(1, java.util.concurrent.TimeUnit.SECONDS, (short) 1008, "not reading");
    } catch (IllegalStateException alreadyClosed) {
      // nothing to do
    }
  }

  private Runnable onStuck = () -> { };

  /** What to do when the peer is abandoned for not reading (the gateway tells the room). */
  void onStuck(Runnable action) {
    this.onStuck = action;
  }

  void markClosed() {
    closed = true;
    if (slowSince != 0) {
      slowSince = 0;
      slowSockets.decrementAndGet();
    }
  }

  private volatile boolean abandoned;

  /** True when this socket was given up for not reading (the room has been told already). */
  boolean abandoned() {
    return abandoned;
  }

  @Override
  public String id() {
    return id;
  }
}
