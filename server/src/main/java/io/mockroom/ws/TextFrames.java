package io.mockroom.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Server-to-client WebSocket text frames (RFC 6455 §5.2), built in one pooled buffer each: a
 * server's frames are never masked, so a frame is its header then the message's UTF-8 as it is.
 * A message longer than {@code maxFrame} goes as a text frame and continuation frames, split at
 * byte boundaries (a code point may straddle two frames; the message as a whole is valid UTF-8,
 * which is what the protocol asks).
 */
final class TextFrames {
  private static final int FIN = 0x80;
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;

  private TextFrames() {
  }

  /** How many frames {@code length} bytes take at {@code maxFrame} bytes a frame (one at least: an empty message is one frame). */
  static int count(int length, int maxFrame) {
    return length == 0 ? 1 : (length + maxFrame - 1) / maxFrame;
  }

  /** Frame {@code index} of a message of {@code utf8}, {@code maxFrame} payload bytes a frame. */
  static ByteBuf frame(ByteBufAllocator alloc, byte[] utf8, int index, int maxFrame) {
    int from = index * maxFrame;
    int length = Math.min(maxFrame, utf8.length - from);
    boolean last = from + length == utf8.length;
    ByteBuf buf = alloc.directBuffer(headerLength(length) + length);
    buf.writeByte((last ? FIN : 0) | (index == 0 ? TEXT : CONTINUATION));
    if (length < 126) {
      buf.writeByte(length);
    } else if (length <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(length);
    } else {
      buf.writeByte(127);
      buf.writeLong(length);
    }
    return buf.writeBytes(utf8, from, length);
  }

  private static int headerLength(int payload) {
    return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
  }
}
