package io.mockroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A room participant over a real WebSocket: sends JSON frames, records every frame it receives
 * (in order, for assertions on the whole session) and waits for frames matching a condition.
 */
public final class RoomClient implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(15);

  private final WebSocket ws;
  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<String> all = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private volatile Short closeCode;
  private volatile String closeReason;

  private RoomClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> {
      all.add(text);
      try {
        inbox.add(Json.MAPPER.readTree(text));
      } catch (Exception e) {
        inbox.add(Json.MAPPER.createObjectNode().put("type", "unparseable").put("text", text));
      }
    });
    ws.closeHandler(v -> {
      closeCode = ws.closeStatusCode();
      closeReason = ws.closeReason();
      closed.countDown();
    });
  }

  /** Opens {@code path} (e.g. /ws/rooms/{id} or /ws/join/{token}); fails with the HTTP status when refused. */
  public static RoomClient connect(Vertx vertx, int port, String path, String cookie) {
    return connect(vertx, port, path, cookie, 4 * 1024 * 1024);
  }

  /** {@code who}'s staff socket in session {@code sessionId}'s room, welcomed. */
  public static RoomClient joinAsStaff(TestServer server, Interviewer who, String sessionId) {
    RoomClient c = connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, who.cookie());
    c.hello();
    return c;
  }

  /** The same, for a client that takes no frame longer than {@code maxFrame} bytes (messages up to 4 MiB, in several frames). */
  public static RoomClient connect(Vertx vertx, int port, String path, String cookie, int maxFrame) {
    return connect(vertx, port, path, cookie, maxFrame, null);
  }

  /** The same as a page of {@code origin} would open it (the client's own Origin header otherwise). */
  public static RoomClient connectFrom(Vertx vertx, int port, String path, String cookie, String origin) {
    return connect(vertx, port, path, cookie, 4 * 1024 * 1024, origin);
  }

  private static RoomClient connect(Vertx vertx, int port, String path, String cookie, int maxFrame, String origin) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(4 * 1024 * 1024).setMaxFrameSize(maxFrame));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    if (cookie != null) options.addHeader("Cookie", cookie);
    if (origin != null) options.putHeader("Origin", origin);
    try {
      WebSocket ws = client.connect(options).await(15, TimeUnit.SECONDS);
      return new RoomClient(client, ws);
    } catch (Exception e) {
      client.close();
      throw new Refused(e.getMessage());
    }
  }

  /** The handshake was refused; the message carries the HTTP status. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  public RoomClient send(Object message) {
    try {
      ws.writeTextMessage(message instanceof String s ? s : Json.MAPPER.writeValueAsString(message)).await(5, TimeUnit.SECONDS);
      return this;
    } catch (Exception e) {
      throw new AssertionError("send failed: " + e, e);
    }
  }

  /**
   * Writes every frame without waiting for each write, as a client in a hurry does: they reach the
   * server back to back, read in batches. Waits for the last write (false when the socket closed first).
   */
  public boolean sendAll(List<String> frames) {
    io.vertx.core.Future<Void> last = io.vertx.core.Future.succeededFuture();
    for (String f : frames) last = ws.writeTextMessage(f);
    try {
      last.await(15, TimeUnit.SECONDS);
      return true;
    } catch (Exception closed) {
      return false;
    }
  }

  /**
   * Sends one message as {@code frames} frames (a text frame, then continuation frames), as a
   * client or proxy that fragments does; the cuts fall at character boundaries.
   */
  public RoomClient sendInFrames(Object message, int frames) {
    try {
      String text = message instanceof String s ? s : Json.MAPPER.writeValueAsString(message);
      int step = Math.max(1, text.length() / frames);
      io.vertx.core.Future<Void> last = null;
      for (int i = 0, from = 0; i < frames; i++) {
        int to = i == frames - 1 ? text.length() : Math.min(text.length(), from + step);
        String part = text.substring(from, to);
        boolean fin = i == frames - 1;
        last = ws.writeFrame(i == 0 ? io.vertx.core.http.WebSocketFrame.textFrame(part, fin)
            : io.vertx.core.http.WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(part), fin));
        from = to;
      }
      last.await(5, TimeUnit.SECONDS);
      return this;
    } catch (Exception e) {
      throw new AssertionError("send failed: " + e, e);
    }
  }

  public void sendBinary() {
    try {
      ws.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(new byte[] {1, 2, 3})).await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("send failed: " + e, e);
    }
  }

  /** Says hello (with no name: staff) and returns the welcome. */
  public JsonNode hello() {
    send(json("hello"));
    return await("welcome");
  }

  /** As the interviewer: starts the session, pushes the plan's first question, returns its document id. */
  public String startWithFirstQuestion() {
    send(json("start"));
    send(json("push_question").put("planIndex", 0));
    return await("question").get("question").get("doc").asText();
  }

  public ObjectNode json(String type) {
    return Json.MAPPER.createObjectNode().put("type", type);
  }

  /** The next frame of {@code type} that matches; frames before it are skipped (but kept in {@link #frames()}). */
  public JsonNode await(String type, Predicate<JsonNode> match) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonNode n = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
        if (n == null) throw new AssertionError("no '" + type + "' frame within " + WAIT + "; received: " + all);
        if (type.equals(n.path("type").asText()) && match.test(n)) return n;
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The next received frame, or null when none is waiting. */
  public JsonNode poll() {
    return inbox.poll();
  }

  /** The next received frame, waiting for it. */
  public JsonNode next() {
    try {
      JsonNode n = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (n == null) throw new AssertionError("no frame within " + WAIT + "; received: " + all);
      return n;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public JsonNode await(String type) {
    return await(type, n -> true);
  }

  /** Every text frame received so far, as sent by the server. */
  public List<String> frames() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  public boolean awaitClosed() {
    try {
      return closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether the socket has closed (without waiting). */
  public boolean isClosed() {
    return closed.getCount() == 0;
  }

  public Short closeCode() {
    return closeCode;
  }

  public String closeReason() {
    return closeReason;
  }

  public void drop() {
    ws.close();
  }

  @Override
  public void close() {
    try {
      ws.close().await(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // already closed
    }
    client.close();
  }
}
