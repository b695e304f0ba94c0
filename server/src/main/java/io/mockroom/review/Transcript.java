package io.mockroom.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole session as review shows and exports it (docs/review.md): built from the session row and
 * its event log only, so it is exactly what happened. Also the JSON export, field for field.
 */
public record Transcript(
    int format,
    SessionInfo session,
    List<Person> participants,
    List<QuestionAsked> questions,
    List<Entry> timeline,
    List<Score> scores,
    List<Recommendation> recommendations,
    List<Remark> remarks,
    Map<String, List<Edit>> replay) {

  /**
   * {@code scoresOpen}: every interviewer who scored has submitted, or the session ended. Until then
   * the transcript holds no scores or recommendations at all (interviewers score blind, as in the room).
   */
  public record SessionInfo(UUID id, String title, String candidateName, String candidateEmail, String status,
                            OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationSeconds,
                            boolean scoresOpen) {}

  public record Person(UUID id, String name, String role, UUID accountId) {}

  /** A question as it was shown, with the answer the candidate left and the time spent on it. */
  public record QuestionAsked(UUID questionId, String doc, Integer planIndex, String prompt, String referenceAnswer,
                              List<String> keyPoints, String topic, String difficulty, OffsetDateTime firstShownAt,
                              long secondsSpent, String finalAnswer, int finalVersion) {}

  /** One thing that happened, in log order. {@code details} holds the event's own fields. */
  public record Entry(long seq, OffsetDateTime at, String type, UUID participantId, String participantName, JsonNode details) {}

  public record Score(UUID participantId, String name, UUID questionId, Integer rubric, List<Integer> keyPoints, OffsetDateTime at) {}

  public record Recommendation(UUID participantId, String name, String recommendation, String summary, boolean submitted,
                               OffsetDateTime at) {}

  /**
   * A note or a hint ({@code kind}), with the question it was written about: the one the writer
   * chose, else the one on screen then; null when no question was (a note before the first). Also
   * in the timeline; here so that review can show each question's with it. Staff only, like the
   * whole transcript.
   */
  public record Remark(UUID participantId, String name, String kind, UUID questionId, String text, OffsetDateTime at) {}

  /** One accepted editor update: apply {@code changes} (CodeMirror JSON) in order to rebuild the text. */
  public record Edit(int version, long seq, OffsetDateTime at, UUID participantId, String clientID, JsonNode changes) {}
}
