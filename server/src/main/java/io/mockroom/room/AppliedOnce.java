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
 * or a move to another node); this adds which of them are not confirmed yet, and who may be
 * confirmed a resend. Used on the room's context only.
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
   * confirmation, a reconnect or a reload: nothing is applied again. Its author ({@link #samePerson})
   * is confirmed again on this socket, now when the first one is committed, else by that commit's
   * own message, which reaches every socket that may see it then (a chat line reaches everyone). An
   * id that someone else, or another kind of message, already used is refused.
   */
  boolean resent(Connection conn, ParticipantState p, String type, UUID id) {
    RoomState.Applied first = id == null ? null : state.appliedWith(id);
    if (first == null) return false;
    if (!first.type().equals(type) || !samePerson(first.participantId(), p)) {
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

  /**
   * Whether {@code p} is the person who sent the message participant {@code authorId} applied.
   *
   * <p>A member of staff joins as their account's one participant ({@link Admission}), so another
   * staff participant is another person. The candidate link's participants, though, are all
   * whoever holds the link, and the candidate becomes a new one while their page keeps what it has
   * not had confirmed: the page keeps the participant id in {@code localStorage} (one per link,
   * shared by its tabs) and its outbox per tab (in {@code sessionStorage} and in memory), and reads
   * the id again at each hello. A browser that refuses to store it (full, or blocked), whose site
   * data was cleared, or whose other tab of the link was welcomed as another participant and
   * overwrote it, says hello without a known id — or with the other tab's — and sends again the
   * line that was in flight whenever its welcome does not show it yet (its commit was not done, or
   * the old socket's copy reached the room after the welcome). So any candidate participant is
   * confirmed a candidate's message. That shows nothing new and applies nothing again: candidates
   * send only chat lines, which everyone in the room sees.
   *
   * <p>Across the two sides it is refused. A page keeps the candidate's outbox and a staff member's
   * apart (by the socket's path), so a candidate's id sent by staff, or a staff member's by a
   * candidate, was taken from a message seen in the room (everyone sees chat ids): confirming it
   * would tell that page a line it never sent is its own, and a staff member's note, hint, score
   * or recommendation must never be shown to a candidate.
   */
  private boolean samePerson(UUID authorId, ParticipantState p) {
    if (authorId.equals(p.id)) return true;
    ParticipantState author = state.participants.get(authorId);
    return author != null && author.role == Role.CANDIDATE && p.role == Role.CANDIDATE;
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
