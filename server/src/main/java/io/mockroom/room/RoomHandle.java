package io.mockroom.room;

import io.vertx.core.Future;
import java.util.UUID;

/**
 * A room as the gateway of a socket sees it: running on this node ({@link LocalRoomHandle}) or on
 * the node that owns it (the cluster's remote handle). The gateway calls {@link #join} once per
 * socket, then {@link #handle} for each later message, in order, then {@link #disconnected}.
 */
public interface RoomHandle {
  UUID id();

  /**
   * Joins the socket to the room. Completes true when joined, false when the room is not there any
   * more (moved to another node, or given up): the socket should be closed so the client reconnects.
   * Fails with a {@link ProtocolError} when the hello is refused (the socket may say hello again).
   */
  Future<Boolean> join(Connection conn, Principal principal, ClientMessage.Hello hello, String helloText);

  /** A later message of a joined socket; {@code text} is the frame it was decoded from. */
  void handle(Connection conn, ClientMessage message, String text);

  void disconnected(Connection conn);

  /**
   * Closes the socket once the room has handled every message handed to it before this call and
   * sent what they owe it (answers, and confirmations once their commit is done): the close frame
   * never overtakes a reply already due.
   */
  void closeAfterReplies(Connection conn, short code, String reason);
}
