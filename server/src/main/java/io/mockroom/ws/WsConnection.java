package io.mockroom.ws;

import io.mockroom.http.Json;
import io.mockroom.room.Connection;
import io.mockroom.room.EncodedMessage;
import io.mockroom.room.ServerMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * A room socket. Sending never blocks: when the socket's write queue is full the peer is not
 * reading, and after {@link #SLOW_LIMIT_MS} of that its connection is reset so one stuck client
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
    if (!closed) sendEncoded(EncodedMessage.of(Json.encode(message).toString()));
  }

  /**
   * Never throws: a socket can close between the room's last look at it and this write (its close
   * event is still on its way to the room), and one dead socket must not stop a broadcast to the
   * others.
   */
  @Override
  public void sendEncoded(EncodedMessage message) {
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
      if (message.utf8().length <= RoomGateway.MAX_FRAME) {
        // The message's shared bytes, wrapped (not copied) for this socket: Vert.x passes an
        // unpooled heap buffer through as it is, and the frame encoder copies it once, behind the
        // frame's header. writeTextMessage would encode the text again for every socket.
        ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(message.utf8()), true));
      } else {
        ws.writeTextMessage(message.json()); // split into frames the peer accepts
      }
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
   * The peer stopped reading. The room is told at once, and the TCP connection is reset at once:
   * a close frame would wait behind the full queue for ever, and so would Vert.x's closing
   * timeout, which starts only once that frame is written. Resetting (SO_LINGER 0) also drops what
   * is queued for the peer, in the JVM and in the kernel.
   */
  private void abandon() {
    if (closed) return;
    abandoned = true;
    markClosed();
    onStuck.run();
    if (ws instanceof WebSocketInternal internal) {
      // Closed from Vert.x's own handler's context, so the close skips that handler (which would
      // only queue a close frame) and reaches the channel.
      ChannelHandlerContext handler = internal.channelHandlerContext();
      handler.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      handler.close();
      return;
    }
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
