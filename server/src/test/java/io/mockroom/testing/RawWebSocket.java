package io.mockroom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client over a plain TCP socket of 127.0.0.1, for what a library client will not do:
 * a frame of any length (past what the server takes), a message in any number of frames split at
 * any byte (inside a character too), a control frame between fragments. It sees the connection as
 * the peer does: each frame the server sends as it arrives, then how the TCP connection ends — an
 * orderly end of stream, or a reset.
 *
 * <p>Writes block the caller; a thread of its own reads, so that a client still writing sees what
 * the server sent meanwhile ({@link #closeReceived()}). Every wait is at most {@link RoomClient#WAIT}.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  /** One frame as the server sent it. */
  public record Frame(boolean fin, int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** A close frame's status code (1005 when it has none). */
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }

    public String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
      return "Frame[fin=" + fin + ", opcode=" + opcode + ", " + payload.length + " bytes"
          + (opcode == CLOSE ? ", " + closeCode() + " '" + closeReason() + "'" : "") + "]";
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** The text messages received so far, in order. */
  private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
  /** What the reader thread read: frames, then one {@link End}. */
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private volatile boolean closeReceived;

  /** How the connection ended: {@code error} null for an orderly end of stream. */
  private record End(IOException error) {}

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Opens {@code path} on the server at {@code port}; fails unless the server answers 101. */
  public static RawWebSocket connect(int port, String path, String cookie) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) RoomClient.WAIT.toMillis()); // for the handshake; the reader then waits without end
      socket.setTcpNoDelay(true);
      RawWebSocket ws = new RawWebSocket(socket);
      byte[] key = new byte[16];
      ThreadLocalRandom.current().nextBytes(key);
      String request = "GET " + path + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + port + "\r\n"
          + "Upgrade: websocket\r\n"
          + "Connection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
          + "Sec-WebSocket-Version: 13\r\n"
          + (cookie != null ? "Cookie: " + cookie + "\r\n" : "")
          + "\r\n";
      ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
      ws.out.flush();
      String head = ws.readHead();
      if (!head.startsWith("HTTP/1.1 101")) {
        socket.close();
        throw new AssertionError("handshake refused: " + head);
      }
      socket.setSoTimeout(0);
      Thread reader = new Thread(ws::read, "raw-websocket-reader");
      reader.setDaemon(true);
      reader.start();
      return ws;
    } catch (IOException e) {
      throw new AssertionError("could not open " + path + ": " + e, e);
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("connection closed in the handshake: " + head);
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
  }

  /**
   * Writes one frame, masked as a client's must be. Its header says {@code payload.length}; the
   * write blocks while the server does not read, and throws if the connection was reset.
   */
  public void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
    int length = payload.length;
    ByteBuffer header = ByteBuffer.allocate(14);
    header.put((byte) ((fin ? 0x80 : 0) | opcode));
    if (length < 126) {
      header.put((byte) (0x80 | length));
    } else if (length <= 0xFFFF) {
      header.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      header.put((byte) (0x80 | 127)).putLong(length);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    header.put(mask);
    byte[] masked = new byte[length];
    for (int i = 0; i < length; i++) masked[i] = (byte) (payload[i] ^ mask[i & 3]);
    out.write(header.array(), 0, header.position());
    out.write(masked);
    out.flush();
  }

  /** A chat message of exactly {@code bytes} bytes of UTF-8 (its text all "x"). */
  public static byte[] chatOfBytes(int bytes) {
    String head = "{\"type\":\"chat\",\"text\":\"";
    String tail = "\"}";
    return (head + "x".repeat(bytes - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
  }

  /** A text message in one frame. */
  public void sendText(String text) throws IOException {
    sendFrame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  public void sendJson(Object message) throws IOException {
    sendText(Json.MAPPER.writeValueAsString(message));
  }

  /**
   * A text message as a text frame and continuation frames, cut at the given byte offsets of its
   * UTF-8 (an offset may fall inside a character).
   */
  public void sendFragmented(String text, int... cuts) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? cuts[i] : utf8.length;
      sendFrame(i == 0 ? TEXT : CONTINUATION, i == cuts.length, Arrays.copyOfRange(utf8, from, to));
      from = to;
    }
  }

  /** The reader thread: every frame as it arrives, then how the connection ended. */
  private void read() {
    try {
      while (true) {
        Frame f = readFrame();
        if (f == null) {
          inbox.add(new End(null));
          return;
        }
        if (f.opcode() == CLOSE) closeReceived = true;
        inbox.add(f);
      }
    } catch (IOException e) {
      inbox.add(new End(e));
    }
  }

  /** One frame, or null at an end of stream between frames. */
  private Frame readFrame() throws IOException {
    int b0 = in.read();
    if (b0 < 0) return null;
    int b1 = readByte();
    long length = b1 & 0x7F;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
    }
    if ((b1 & 0x80) != 0) throw new IOException("the server masked a frame");
    if (length > 64L * 1024 * 1024) throw new IOException("a frame of " + length + " bytes");
    byte[] payload = in.readNBytes((int) length);
    if (payload.length != length) throw new EOFException("the connection ended inside a frame");
    return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException("the connection ended inside a frame header");
    return b;
  }

  /** The next frame the server sent; fails when the connection ended first or none comes in time. */
  public Frame nextFrame() throws IOException {
    Object o = poll();
    if (o instanceof End end) {
      inbox.add(end); // still the end, for awaitEndOfStream
      throw new EOFException("the connection ended" + (end.error() != null ? " (" + end.error() + ")" : "")
          + "; messages received: " + messages);
    }
    return (Frame) o;
  }

  private Object poll() {
    try {
      Object o = inbox.poll(RoomClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (o == null) throw new AssertionError("nothing from the server within " + RoomClient.WAIT + "; messages received: " + messages);
      return o;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** True once the server's close frame has arrived (read or not). */
  public boolean closeReceived() {
    return closeReceived;
  }

  /**
   * Reads until the server's close frame and returns it; the text messages before it are kept
   * ({@link #messages()}). Fails if the connection ends or resets before a close frame.
   */
  public Frame awaitClose() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      Frame f = nextFrame();
      switch (f.opcode()) {
        case CLOSE -> {
          return f;
        }
        case TEXT, CONTINUATION -> {
          message.write(f.payload());
          if (f.fin()) {
            messages.add(message.toString(StandardCharsets.UTF_8));
            message.reset();
          }
        }
        default -> messages.add("(" + f + ")"); // pings, pongs: not asserted, shown if something fails
      }
    }
  }

  /** The next text message of {@code type} (JSON), skipping others; fails on a close frame. */
  public JsonNode await(String type) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      Frame f = nextFrame();
      if (f.opcode() == CLOSE) throw new AssertionError("closed while waiting for '" + type + "': " + f + "; received: " + messages);
      if (f.opcode() != TEXT && f.opcode() != CONTINUATION) continue;
      message.write(f.payload());
      if (!f.fin()) continue;
      String text = message.toString(StandardCharsets.UTF_8);
      message.reset();
      messages.add(text);
      JsonNode n = Json.MAPPER.readTree(text);
      if (type.equals(n.path("type").asText())) return n;
    }
  }

  /** Every text message received so far, and (in brackets) the other frames read before a close. */
  public List<String> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** Answers the server's close frame with the same code, as RFC 6455 §5.5.1 asks of a peer. */
  public void answerClose(Frame close) throws IOException {
    sendFrame(CLOSE, true, Arrays.copyOf(close.payload(), Math.min(2, close.payload().length)));
  }

  /**
   * Waits for the server to end the TCP connection with an orderly end of stream (frames still
   * arriving are skipped). A reset throws (a {@code SocketException}: what a browser reports as
   * 1006), and so does a connection the server keeps open past {@link RoomClient#WAIT}.
   */
  public void awaitEndOfStream() throws IOException {
    while (true) {
      if (poll() instanceof End end) {
        if (end.error() != null) throw end.error();
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed already
    }
  }
}
