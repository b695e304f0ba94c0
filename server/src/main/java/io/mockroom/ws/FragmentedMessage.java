package io.mockroom.ws;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The message a socket is receiving in several frames (RFC 6455 §5.4): a text or binary frame
 * without FIN, then continuation frames, the last with FIN. A text message's bytes are kept (a
 * character may straddle two frames, so they are decoded only once whole); a binary message's are
 * only counted, since it is refused whatever it holds.
 *
 * <p>Never holds more than {@code limit} bytes: a frame that would take the message past it ends
 * the message ({@link #TOO_BIG}) and its bytes are let go at once. The array grows to what the
 * message needs, up to the limit, and is dropped when the message ends. A message in one frame —
 * every browser's — never comes here.
 */
final class FragmentedMessage {
  /** What {@link #start} and {@link #add} say: more frames to come, the message is whole, or over the limit. */
  static final int MORE = 0;
  static final int WHOLE = 1;
  static final int TOO_BIG = 2;

  private static final byte[] NONE = new byte[0];

  private final int limit;
  private boolean open;
  private boolean binary;
  private byte[] bytes = NONE;
  private int length;

  FragmentedMessage(int limit) {
    this.limit = limit;
  }

  /** True between a message's first frame and its last (or the frame that took it over the limit). */
  boolean open() {
    return open;
  }

  /** True when the message is (or was, once whole) a binary one. */
  boolean binary() {
    return binary;
  }

  /** The first frame of a message in several ({@code data} of a text or binary frame without FIN). */
  int start(boolean binary, Buffer data) {
    this.open = true;
    this.binary = binary;
    this.length = 0;
    return add(data, false);
  }

  /** A continuation frame of the open message; {@code fin} for its last. */
  int add(Buffer data, boolean fin) {
    int n = data.length();
    if (n > limit - length) {
      end();
      return TOO_BIG;
    }
    if (!binary) {
      if (length + n > bytes.length) {
        // Doubling, as any growing buffer, but never past the limit: what it holds is bounded by it.
        bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(length + n, Math.max(4096L, 2L * bytes.length))));
      }
      data.getBytes(bytes, length);
    }
    length += n;
    if (!fin) return MORE;
    open = false;
    return WHOLE;
  }

  /** The whole text message, once {@link #add} said {@link #WHOLE}; the bytes are let go. */
  String text() {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    end();
    return text;
  }

  /** Ends the message, keeping nothing of it. */
  void end() {
    open = false;
    bytes = NONE;
    length = 0;
  }

  /** The bytes held for the message now (the array's size): at most the limit. */
  int held() {
    return bytes.length;
  }
}
