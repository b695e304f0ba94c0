package io.mockroom.room;

import io.mockroom.room.ClientMessage.Hello;
import io.mockroom.room.RoomState.ParticipantState;
import io.mockroom.text.VisibleText;
import java.util.List;

/**
 * Who a hello joins a room as: staff as their account's participant, a candidate as the
 * participant their link gave them before (the id the browser kept), or as someone new — within
 * the limits that keep a leaked link from filling a room. Reads the room's state; changes nothing.
 */
final class Admission {
  static final int MAX_NAME = 60;
  /**
   * People present in one room (online or reconnecting; not those who left). Reached, it refuses
   * newcomers by the candidate link; staff — accounts invited to the session — always get in.
   */
  static final int MAX_PARTICIPANTS = 20;
  /**
   * Candidate participants present at once: the candidate, a second tab of theirs (the app keeps
   * its participant id per tab), and one whose browser lost its id while the old one is still
   * shown as reconnecting. More would only be someone else holding the link.
   */
  static final int MAX_CANDIDATES_PRESENT = 3;
  /**
   * Candidate participants the link ever creates in one room. Past this, a hello without a known
   * participant id takes back the candidate participant that left most recently: the log and the
   * room's participant list stay bounded, and the real candidate is never locked out for good.
   */
  static final int MAX_CANDIDATES = 10;

  private Admission() {}

  /**
   * The participant {@code hello} joins as, or null for a new one (the caller creates it). Staff
   * are never refused for room: the session's members are a list its interviewers keep.
   */
  static ParticipantState participant(RoomState state, Principal principal, Hello hello) {
    ParticipantState found = returning(state, principal, hello);
    return found != null || principal instanceof Principal.Staff ? found : newCandidateOrTakeBack(state, hello);
  }

  /** The participant this principal (staff) or this hello's participant id (a candidate) already is in the room. */
  private static ParticipantState returning(RoomState state, Principal principal, Hello hello) {
    if (principal instanceof Principal.Staff s) {
      return state.participants.values().stream().filter(x -> s.accountId().equals(x.accountId)).findFirst().orElse(null);
    }
    if (hello.participantId() == null) return null;
    ParticipantState p = state.participants.get(hello.participantId());
    return p != null && p.role == Role.CANDIDATE ? p : null;
  }

  /**
   * The candidate participant a hello without a known participant id joins as: null for a new one,
   * or the one that left most recently once the link has created {@link #MAX_CANDIDATES}. Refused
   * ({@code room_full}) when the link already has {@link #MAX_CANDIDATES_PRESENT} participants
   * present, or the room {@link #MAX_PARTICIPANTS}.
   */
  private static ParticipantState newCandidateOrTakeBack(RoomState state, Hello hello) {
    candidateName(hello.name()); // refuse a bad name before anything
    List<ParticipantState> candidates = state.participants.values().stream().filter(x -> x.role == Role.CANDIDATE).toList();
    if (candidates.stream().filter(ParticipantState::present).count() >= MAX_CANDIDATES_PRESENT) {
      throw new ProtocolError("room_full", "This interview link is already open for " + MAX_CANDIDATES_PRESENT
          + " people in this room. Close it in another tab or browser (or wait a minute) and try again.");
    }
    if (state.participants.values().stream().filter(ParticipantState::present).count() >= MAX_PARTICIPANTS) {
      throw new ProtocolError("room_full", "This room already has " + MAX_PARTICIPANTS + " participants.");
    }
    if (candidates.size() < MAX_CANDIDATES) return null;
    ParticipantState lastLeft = null;
    for (ParticipantState c : candidates) if (!c.present()) lastLeft = c;
    return lastLeft; // never null: fewer than MAX_CANDIDATES_PRESENT of MAX_CANDIDATES are present
  }

  /** The name a candidate gave, trimmed; refused when it shows nothing or is too long. */
  static String candidateName(String name) {
    String n = name == null ? "" : name.strip();
    if (!VisibleText.hasVisible(n)) throw ProtocolError.invalid("Please enter your name.");
    if (n.length() > MAX_NAME) throw ProtocolError.invalid("A name can be at most " + MAX_NAME + " characters.");
    return n;
  }
}
