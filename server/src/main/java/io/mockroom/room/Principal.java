package io.mockroom.room;

import java.util.UUID;

/** Who opened a room socket, as proven in the handshake. */
public sealed interface Principal {
  /** A signed-in account of the session's organisation. */
  record Staff(UUID accountId, String name, Role role) implements Principal {}

  /** Someone holding the session's candidate link. */
  record Candidate() implements Principal {}
}
