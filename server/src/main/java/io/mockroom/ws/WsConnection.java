package io.mockroom.ws;

import io.mockroom.http.Json;
import io.mockroom.room.Connection;
import io.mockroom.room.EncodedMessage;
import io.mockroom.room.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * A room socket. Sending never blocks: when the socket's write queue is full the peer is not
 * reading, and after {@link #SLOW_LIMIT_MS} of that its connection is reset so one stuck client
 * cannot grow the server's memory.
 */
final class WsConnection implements Connection {
  static final long SLOW_LIMIT_MS = 10_000;

  private final ServerWebSocket ws;
  /** Vert.x's handler in the socket's pipeline: what is written from it skips Vert.x, not the channel. */
  private final ChannelHandlerContext handler;
  private final String id;
  private volatile long slowSince;
  private volatile boolean closed;

  private final java.util.concurrent.atomic.AtomicInteger slowSockets;

  WsConnection(ServerWebSocket ws, String id, java.util.concurrent.atomic.AtomicInteger slowSockets) {
    this.ws = ws;
    this.handler = ((WebSocketInternal) ws).channelHandlerContext();
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
   *
   * <p>The frames go straight to the channel, below Vert.x: built in one pooled buffer per frame
   * from the message's shared bytes and written with a void promise, where Vert.x's own write
   * took a frame object, a message wrapper, a promise and the frame encoder's header buffer per
   * socket — every keystroke is written to three sockets. Every message of this socket takes this
   * path, so their order is the channel's; Vert.x's own frames (pong, close) order freely with them.
   */
  @Override
  public void sendEncoded(EncodedMessage message) {
    if (closed) return;
    Channel channel = handler.channel();
    if (!channel.isActive()) {
      markClosed(); // its close event reaches the room on its own
      return;
    }
    if (!channel.isWritable()) {
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
    byte[] utf8 = message.utf8();
    int frames = TextFrames.count(utf8.length, RoomGateway.MAX_FRAME); // the size a peer is told it may get
    for (int i = 0; i < frames; i++) {
      ByteBuf frame = TextFrames.frame(channel.alloc(), utf8, i, RoomGateway.MAX_FRAME);
      if (i == frames - 1) handler.writeAndFlush(frame, handler.voidPromise());
      else handler.write(frame, handler.voidPromise());
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
    // Closed from Vert.x's own handler's context, so the close skips that handler (which would
    // only queue a close frame) and reaches the channel.
    handler.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    handler.close();
  }

  private Runnable onStuck = () -> { };

  /** In place of a failed frame decoder: what the peer sends is released unread. */
  private static final class Discard extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }
  }

  /**
   * What to do when the peer sends a frame longer than the server's WebSocket decoder takes
   * ({@code HttpServerOptions.setMaxWebSocketFrameSize}), instead of what Vert.x does: the decoder
   * fails on the frame's header (before buffering its payload) and Vert.x closes the TCP
   * connection on the spot, with no close frame, while the peer is still sending the frame — the
   * kernel then resets the connection and the peer sees 1006, with no reason. Here the failure
   * stops before Vert.x and {@code action} runs (on the socket's event loop); it is expected to
   * close the socket properly. The failed decoder is replaced by one that drops everything the
   * peer sends from then on, unread: the server keeps reading (the kernel has nothing unread to
   * reset the connection for) until the closing timeout ends the connection — the peer's answer
   * to the close frame is among what is dropped.
   *
   * <p>A handler placed between the decoder and Vert.x's handler that handles only failures:
   * Netty passes every frame by it without a call (it does not override {@code channelRead}).
   */
  void onFrameTooLong(Runnable action) {
    handler.pipeline().addBefore(handler.name(), "mockroom-frame-too-long", new ChannelInboundHandlerAdapter() {
      @Override
      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException e
            && e.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
          // The failed decoder would skip the rest one byte per call (a core busy for the whole
          // closing timeout against a client that keeps sending); this drops each read whole.
          ChannelHandlerContext decoder = ctx.pipeline().context(WebSocketFrameDecoder.class);
          if (decoder != null) ctx.pipeline().replace(decoder.handler(), "mockroom-discard", new Discard());
          action.run();
        } else {
          ctx.fireExceptionCaught(cause);
        }
      }
    });
  }

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
