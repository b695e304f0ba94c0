package io.mockroom.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the server sends on a room socket, encoded as {@code {"type": …, …}}. Events that
 * change the room carry {@code seq}, the room's log version. What a candidate may receive is
 * decided by the room ({@code Room#deliver}); the candidate variants of views simply have no
 * field for answers, key points, notes or scores.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

  // ---- views ----

  record ParticipantView(UUID id, String name, Role role, String presence) {}

  record SessionView(UUID id, String title, String candidateName, String status, Instant startedAt, Instant endedAt) {}

  /** One entry of the question plan as staff see it. */
  record PlanItemView(int index, UUID questionId, String prompt, String topic, String difficulty, Integer minutes) {}

  /**
   * A question on screen. {@link CandidateQuestion} for candidates, {@link StaffQuestion} for staff.
   * {@code startedAt} is when it was last pushed; {@code spentSeconds} how long it was on screen
   * before that (shown earlier, then left for another question), so its timer carries on.
   */
  sealed interface QuestionView permits CandidateQuestion, StaffQuestion {}

  record CandidateQuestion(UUID questionId, String doc, Integer planIndex, int planSize, String prompt,
                           Integer minutes, Instant startedAt, long spentSeconds) implements QuestionView {}

  record StaffQuestion(UUID questionId, String doc, Integer planIndex, int planSize, String prompt,
                       Integer minutes, Instant startedAt, long spentSeconds, String answer, List<String> keyPoints,
                       String topic, String difficulty) implements QuestionView {}

  /** {@code changes} is the ChangeSet's JSON, encoded once and written into every frame as it is. */
  record UpdateView(String clientID, @com.fasterxml.jackson.annotation.JsonRawValue String changes) {}

  record DocView(int version, String text, List<UpdateView> updates) {}

  record ChatView(UUID id, UUID participantId, String name, String text, Instant at) {}

  record NoteView(UUID id, UUID participantId, String name, UUID questionId, String text, Instant at) {}

  record ScoreView(UUID participantId, String name, UUID questionId, Integer rubric, List<Integer> keyPoints, Instant at) {}

  record HintView(UUID id, UUID participantId, String name, UUID questionId, String text, Instant at) {}

  record RecommendationView(UUID participantId, String name, String recommendation, String summary, boolean submitted, Instant at) {}

  /** What a staff member may see of the scoring: their own, and everyone's once all have submitted. */
  record ScoringView(boolean revealed, List<ScoreView> scores, List<RecommendationView> recommendations, List<HintView> hints) {}

  // ---- messages ----

  @JsonTypeName("welcome")
  record Welcome(long seq, ParticipantView you, SessionView session, List<ParticipantView> participants,
                 List<PlanItemView> plan, int planSize, QuestionView current, Map<String, DocView> docs,
                 List<ChatView> chat, List<NoteView> notes, ScoringView scoring, String saving) implements ServerMessage {}

  @JsonTypeName("presence")
  record Presence(long seq, ParticipantView participant) implements ServerMessage {}

  @JsonTypeName("started")
  record Started(long seq, Instant startedAt) implements ServerMessage {}

  @JsonTypeName("question")
  record Question(long seq, QuestionView question) implements ServerMessage {}

  /** Committed editor updates; {@code version} is the document's version after them. */
  @JsonTypeName("updates")
  record Updates(long seq, String doc, int version, List<UpdateView> updates) implements ServerMessage {
    /**
     * {@code Json.encode(this).toString()}, the same text to the character, written by hand: this
     * message goes out once per keystroke. It follows the annotations above (type first, then the
     * components in order, null fields left out but nulls inside an UpdateView written) and
     * Jackson's UTF-8 writer (surrogates in strings as <code>&#92;uXXXX</code>); a test holds it to
     * Jackson's output. Like Jackson it refuses a raw {@code changes} holding a lone surrogate,
     * which UTF-8 cannot carry.
     */
    String json() {
      int size = 64 + (doc == null ? 0 : doc.length());
      if (updates != null) {
        for (UpdateView u : updates) {
          if (u != null) size += 32 + length(u.clientID()) + length(u.changes());
        }
      }
      StringBuilder out = new StringBuilder(size);
      out.append("{\"type\":\"updates\",\"seq\":").append(seq);
      if (doc != null) JsonText.quoteAsEncoded(out.append(",\"doc\":"), doc);
      out.append(",\"version\":").append(version);
      if (updates != null) {
        out.append(",\"updates\":[");
        for (int i = 0; i < updates.size(); i++) {
          if (i > 0) out.append(',');
          UpdateView u = updates.get(i);
          if (u == null) {
            out.append("null");
            continue;
          }
          out.append("{\"clientID\":");
          if (u.clientID() == null) out.append("null");
          else JsonText.quoteAsEncoded(out, u.clientID());
          out.append(",\"changes\":");
          if (u.changes() == null) out.append("null");
          else out.append(requirePairedSurrogates(u.changes(), i));
          out.append('}');
        }
        out.append(']');
      }
      return out.append('}').toString();
    }

    private static int length(String s) {
      return s == null ? 4 : s.length();
    }

    private static String requirePairedSurrogates(String raw, int update) {
      int at = io.mockroom.collab.Utf16.firstLoneSurrogate(raw);
      if (at >= 0) {
        throw new IllegalStateException("Could not encode Updates as JSON: the changes of update " + update
            + " hold a lone surrogate at " + at + ", which UTF-8 cannot carry");
      }
      return raw;
    }
  }

  @JsonTypeName("cursor")
  record Cursor(UUID participantId, String name, String doc, int anchor, int head) implements ServerMessage {}

  @JsonTypeName("chat")
  record Chat(long seq, ChatView chat) implements ServerMessage {}

  @JsonTypeName("note")
  record Note(long seq, NoteView note) implements ServerMessage {}

  /**
   * Staff only: the scoring as this participant may see it, after any change to it. {@code id},
   * only on its author's sockets, names the hint, score or recommendation whose commit this follows:
   * that message's confirmation (null otherwise, and left out).
   */
  @JsonTypeName("scoring")
  record Scoring(long seq, ScoringView scoring, UUID id) implements ServerMessage {}

  @JsonTypeName("ended")
  record Ended(long seq, Instant endedAt) implements ServerMessage {}

  /** Saving state of the room: "ok", or "paused" while the database cannot be written. */
  @JsonTypeName("saving")
  record Saving(String state) implements ServerMessage {}

  /**
   * {@code doc} and {@code clientID} name the editor update a {@code not_stored} refers to, so its
   * author drops exactly that update; {@code id} the chat, note, hint, score or recommendation an
   * error refuses, when it had an id (see {@link ClientMessage.Confirmable}); null (left out) otherwise.
   */
  @JsonTypeName("error")
  record Error(String code, String message, String doc, String clientID, UUID id) implements ServerMessage {
    public Error(String code, String message) {
      this(code, message, null, null, null);
    }

    /** The answer to a message the room or the gateway will not act on, naming it when it had an id. */
    public static Error of(ProtocolError e) {
      return new Error(e.code(), e.getMessage(), null, null, e.id());
    }
  }

  @JsonTypeName("pong")
  record Pong(long t) implements ServerMessage {}
}
