package io.mockroom.room;

import io.mockroom.collab.Update;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a client may send, decoded once at the gateway ({@code ws.ClientFrames}); the room
 * dispatches on these records and never sees raw JSON. The wire form of each is in
 * docs/protocol.md.
 */
public sealed interface ClientMessage {

  /** First message on every socket. {@code participantId} resumes an earlier participant. */
  record Hello(UUID participantId, String name, long lastSeq, Map<String, Integer> docs) implements ClientMessage {}

  /** Interviewer: open the session to the candidate (leave the waiting screen). */
  record Start() implements ClientMessage {}

  /** Interviewer: show a question — an index of the plan, or any bank question by id. */
  record PushQuestion(Integer planIndex, UUID questionId) implements ClientMessage {}

  /** Editor updates made on top of {@code version} of one answer document. */
  record Push(String doc, int version, List<Update> updates) implements ClientMessage {}

  /** Where the sender's cursor and selection are; not stored. */
  record Cursor(String doc, int anchor, int head) implements ClientMessage {}

  /**
   * What a person sends that the room stores (chat, notes, hints, scores, recommendations): the
   * browser keeps it until it is confirmed and sends it again after a reconnect. {@code id} (made
   * by the client; null from a client that gives none) makes a resend apply once: a message whose
   * id the room remembers applying (one of its latest {@link RoomState#APPLIED_KEPT}) is not
   * applied again, and its author is sent the confirmation again (docs/protocol.md, "Confirmed
   * messages").
   */
  sealed interface Confirmable extends ClientMessage {
    UUID id();
  }

  record Chat(String text, UUID id) implements Confirmable {}

  /** Interviewer or observer: a private note on a question (the current one when null). */
  record Note(UUID questionId, String text, UUID id) implements Confirmable {}

  /** Staff: the rubric score (1–4, null to clear) and the key points ticked (indexes) for a question. */
  record Score(UUID questionId, Integer rubric, List<Integer> keyPoints, UUID id) implements Confirmable {}

  /** Staff: a hint given to the candidate on a question (the current one when null), kept with its time. */
  record Hint(UUID questionId, String text, UUID id) implements Confirmable {}

  /** Staff: the overall recommendation and summary; {@code submit} makes it final and counts for the reveal. */
  record Recommend(String recommendation, String summary, boolean submit, UUID id) implements Confirmable {}

  /** Interviewer: end the session for everyone; the candidate link stops working. */
  record End() implements ClientMessage {}

  record Ping(long t) implements ClientMessage {}
}
