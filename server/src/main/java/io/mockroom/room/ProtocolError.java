package io.mockroom.room;

/**
 * A client message the room will not act on; sent back as an {@code error} frame and the socket
 * stays open. Codes are listed in docs/protocol.md.
 */
public final class ProtocolError extends RuntimeException {
  private final String code;
  /** The {@code id} of the refused message, when it had one (see {@link ClientMessage.Confirmable}). */
  private final java.util.UUID id;

  public ProtocolError(String code, String message) {
    this(code, message, null);
  }

  private ProtocolError(String code, String message, java.util.UUID id) {
    super(message, null, false, false);
    this.code = code;
    this.id = id;
  }

  public String code() {
    return code;
  }

  public java.util.UUID id() {
    return id;
  }

  /** The same refusal, naming the message it refuses (a client drops that one from what it resends). */
  public ProtocolError withId(java.util.UUID messageId) {
    return messageId == null || messageId.equals(id) ? this : new ProtocolError(code, getMessage(), messageId);
  }

  public static ProtocolError forbidden(String what) {
    return new ProtocolError("forbidden", what);
  }

  public static ProtocolError invalid(String what) {
    return new ProtocolError("invalid_message", what);
  }
}
