package io.mockroom.room;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/** Finds the room of a session for a socket: on this node, or through the cluster at its owner. */
public interface RoomRouter {
  /** A handle for one socket's use of the room; empty when there is no such session. */
  Future<Optional<RoomHandle>> open(UUID sessionId);
}
