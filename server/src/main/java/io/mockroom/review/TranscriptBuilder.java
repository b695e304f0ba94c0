package io.mockroom.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.collab.ChangeSet;
import io.mockroom.http.Json;
import io.mockroom.review.Transcript.Edit;
import io.mockroom.review.Transcript.Entry;
import io.mockroom.review.Transcript.Person;
import io.mockroom.review.Transcript.QuestionAsked;
import io.mockroom.review.Transcript.Recommendation;
import io.mockroom.review.Transcript.Remark;
import io.mockroom.review.Transcript.Score;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Folds a session's event log, in version order, into a {@link Transcript}. Pure. */
final class TranscriptBuilder {
  record Event(long version, String type, UUID participantId, JsonNode payload, OffsetDateTime createdAt) {}

  private final Transcript.SessionInfo session;
  private final Map<UUID, Person> people = new LinkedHashMap<>();
  private final Map<UUID, ObjectNode> questionPayload = new LinkedHashMap<>();
  private final Map<UUID, OffsetDateTime> firstShown = new LinkedHashMap<>();
  private final Map<UUID, Long> seconds = new LinkedHashMap<>();
  /** Each answer as the log builds it, edited in place (a long session's review copies no text per edit). */
  private final Map<String, StringBuilder> text = new LinkedHashMap<>();
  private final Map<String, List<Edit>> replay = new LinkedHashMap<>();
  private final List<Entry> timeline = new ArrayList<>();
  private final Map<String, Score> scores = new LinkedHashMap<>();
  private final Map<UUID, Recommendation> recommendations = new LinkedHashMap<>();
  private final List<Remark> remarks = new ArrayList<>();
  private UUID onScreen;
  private OffsetDateTime onScreenSince;

  TranscriptBuilder(Transcript.SessionInfo session) {
    this.session = session;
  }

  void add(Event e) {
    // Blind scoring: a colleague's score or draft must not reach review before the room shows it.
    if (!session.scoresOpen() && (e.type().equals("score") || e.type().equals("recommendation"))) return;
    JsonNode p = e.payload();
    OffsetDateTime at = e.createdAt();
    switch (e.type()) {
      case "joined" -> people.put(e.participantId(), new Person(e.participantId(), p.path("name").asText(),
          p.path("role").asText(), p.hasNonNull("accountId") ? UUID.fromString(p.get("accountId").asText()) : null));
      case "role" -> people.computeIfPresent(e.participantId(), (id, was) ->
          new Person(id, was.name(), p.path("role").asText(), was.accountId()));
      case "question_pushed" -> {
        UUID q = UUID.fromString(p.get("questionId").asText());
        closeOnScreen(at);
        questionPayload.putIfAbsent(q, (ObjectNode) p);
        firstShown.putIfAbsent(q, at);
        onScreen = q;
        onScreenSince = at;
      }
      case "doc_update" -> {
        String doc = p.get("doc").asText();
        ChangeSet changes = ChangeSet.fromJson(p.get("changes"));
        changes.applyTo(text.computeIfAbsent(doc, d -> new StringBuilder()));
        List<Edit> edits = replay.computeIfAbsent(doc, d -> new ArrayList<>());
        edits.add(new Edit(edits.size() + 1, e.version(), at, e.participantId(), p.path("clientID").asText(), p.get("changes")));
        return; // edits are in the replay, not the timeline
      }
      case "score" -> {
        Score s = new Score(e.participantId(), name(e.participantId()), UUID.fromString(p.get("questionId").asText()),
            p.hasNonNull("rubric") ? p.get("rubric").asInt() : null, ints(p.get("keyPoints")), at);
        scores.put(e.participantId() + "/" + s.questionId(), s);
      }
      case "recommendation" -> recommendations.put(e.participantId(), new Recommendation(e.participantId(), name(e.participantId()),
          p.hasNonNull("recommendation") ? p.get("recommendation").asText() : null, p.path("summary").asText(""),
          p.path("submitted").asBoolean(), at));
      case "note", "hint" -> remarks.add(new Remark(e.participantId(), name(e.participantId()), e.type(),
          p.hasNonNull("questionId") ? UUID.fromString(p.get("questionId").asText()) : null, p.path("text").asText(), at));
      case "ended" -> closeOnScreen(at);
      default -> { }
    }
    timeline.add(new Entry(e.version(), at, e.type(), e.participantId(), e.participantId() == null ? null : name(e.participantId()),
        details(e.type(), p)));
  }

  /** The reference answer is long and the same as the bank's: the timeline names the question only. */
  private static JsonNode details(String type, JsonNode p) {
    if (!type.equals("question_pushed")) return p;
    ObjectNode d = ((ObjectNode) p).deepCopy();
    d.remove("answer");
    d.remove("keyPoints");
    return d;
  }

  private void closeOnScreen(OffsetDateTime at) {
    if (onScreen != null) {
      seconds.merge(onScreen, Math.max(0, Duration.between(onScreenSince, at).toSeconds()), Long::sum);
      onScreen = null;
    }
  }

  private String name(UUID participant) {
    Person p = people.get(participant);
    return p == null ? "?" : p.name();
  }

  Transcript build() {
    closeOnScreen(session.endedAt() != null ? session.endedAt() : OffsetDateTime.now());
    List<QuestionAsked> questions = new ArrayList<>();
    questionPayload.forEach((q, p) -> {
      String doc = p.get("doc").asText();
      questions.add(new QuestionAsked(q, doc, p.hasNonNull("planIndex") ? p.get("planIndex").asInt() : null,
          p.get("prompt").asText(), p.path("answer").asText(""), strings(p.get("keyPoints")), p.path("topic").asText(null),
          p.path("difficulty").asText(null), firstShown.get(q), seconds.getOrDefault(q, 0L), text.containsKey(doc) ? text.get(doc).toString() : "",
          replay.getOrDefault(doc, List.of()).size()));
    });
    return new Transcript(1, session, List.copyOf(people.values()), questions, timeline, List.copyOf(scores.values()),
        List.copyOf(recommendations.values()), List.copyOf(remarks), replay);
  }

  private static List<Integer> ints(JsonNode a) {
    List<Integer> out = new ArrayList<>();
    if (a != null) a.forEach(n -> out.add(n.asInt()));
    return out;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a != null) a.forEach(n -> out.add(n.asText()));
    return out;
  }

  static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("A stored event is not JSON", e);
    }
  }
}
