package io.mockroom.room;

import java.nio.charset.StandardCharsets;

/**
 * A server message encoded once for every socket it goes to: its JSON, and the UTF-8 bytes of
 * that JSON, which a local socket writes as they are (a keystroke's broadcast goes to three
 * sockets; each used to encode the same text again). The bytes are shared and never changed.
 */
public record EncodedMessage(String json, byte[] utf8) {
  public static EncodedMessage of(String json) {
    return new EncodedMessage(json, json.getBytes(StandardCharsets.UTF_8));
  }
}
