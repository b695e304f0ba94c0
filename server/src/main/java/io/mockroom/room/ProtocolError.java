package io.mockroom.room;

/**
 * A client message the room will not act on; sent back as an {@code error} frame and the socket
 * stays open. Codes are listed in docs/protocol.md.
 */
public final class ProtocolError extends RuntimeException {
  private final String code;

  public ProtocolError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ProtocolError forbidden(String what) {
    return new ProtocolError("forbidden", what);
  }

  public static ProtocolError invalid(String what) {
    return new ProtocolError("invalid_message", what);
  }
}
