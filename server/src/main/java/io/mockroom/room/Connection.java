package io.mockroom.room;

/** A participant's socket as the room sees it. Implementations may be called from any thread. */
public interface Connection {
  void send(ServerMessage message);

  /** Sends a message already encoded (a broadcast encodes once for all sockets of a role). */
  void sendEncoded(EncodedMessage message);

  /** Closes the socket after what was sent; {@code code} is a WebSocket close code. */
  void close(short code, String reason);

  /** For logs: an id of the socket. */
  String id();
}
