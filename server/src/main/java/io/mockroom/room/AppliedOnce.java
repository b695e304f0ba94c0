package io.mockroom.room;

import io.mockroom.room.RoomState.ParticipantState;
import io.mockroom.store.LogEntry;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a resent chat line, note, hint, score or recommendation ({@link ClientMessage.Confirmable})
 * apply once. The ids the room applied are in its state ({@link RoomState#applied}: the latest
 * {@link RoomState#APPLIED_KEPT}, rebuilt from the log at every load, so this holds across a reload
 * or a move to another node); this adds which of them are not confirmed yet. Used on the room's
 * context only.
 */
final class AppliedOnce {
  private final RoomState state;
  /** Ids of messages applied but not confirmed yet (their commit, or a score's projection, is not done). */
  private final Set<UUID> committing = new HashSet<>();

  AppliedOnce(RoomState state) {
    this.state = state;
  }

  /**
   * True when a message with {@code id} was already applied in this room — a resend after a lost
   * confirmation, a reconnect or a reload: nothing is applied again. Its author is confirmed
   * again on this socket, now when the first one is committed, else by that commit's own message,
   * which reaches every socket of theirs then. An id that another participant, or another kind of
   * message, already used is refused.
   */
  boolean resent(Connection conn, ParticipantState p, String type, UUID id) {
    RoomState.Applied first = id == null ? null : state.appliedWith(id);
    if (first == null) return false;
    if (!first.type().equals(type) || !first.participantId().equals(p.id)) {
      throw ProtocolError.invalid("This id was already used for another message.");
    }
    if (committing.contains(id)) return true;
    ServerMessage again = switch (type) {
      case "chat" -> state.chat.stream().filter(c -> c.id().equals(id)).findFirst()
          .map(c -> (ServerMessage) new ServerMessage.Chat(first.seq(), c)).orElse(null);
      case "note" -> state.notes.stream().filter(n -> n.id().equals(id)).findFirst()
          .map(n -> (ServerMessage) new ServerMessage.Note(first.seq(), n)).orElse(null);
      default -> new ServerMessage.Scoring(state.seq, state.scoringFor(p), id);
    };
    if (again != null) conn.send(again);
    return true;
  }

  /** {@code entry} applies the message {@code id} of {@code p}: a resend of it is recognised from now on. */
  void applying(UUID id, LogEntry entry, ParticipantState p) {
    if (id == null) return;
    state.applied(id, entry.type(), p.id, entry.version());
    committing.add(id);
  }

  /** The message {@code id} (null: one without an id) is committed and its confirmation sent. */
  void confirmed(UUID id) {
    if (id != null) committing.remove(id);
  }
}
