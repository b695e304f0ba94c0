package io.mockroom.room;

import io.mockroom.collab.CollabDocument;
import io.mockroom.room.ServerMessage.CandidateQuestion;
import io.mockroom.room.ServerMessage.ChatView;
import io.mockroom.room.ServerMessage.NoteView;
import io.mockroom.room.ServerMessage.ParticipantView;
import io.mockroom.room.ServerMessage.PlanItemView;
import io.mockroom.room.ServerMessage.QuestionView;
import io.mockroom.room.ServerMessage.SessionView;
import io.mockroom.room.ServerMessage.StaffQuestion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The state of one live room, without sockets or I/O: status, participants, the question on
 * screen, answer documents, chat and notes. Owned by its {@link Room} and touched only on the
 * room's context. Both the live path and the rebuild from the log go through the same mutators,
 * so a rebuilt room equals the room that wrote the log.
 */
final class RoomState {
  static final int MAX_DOC_LENGTH = 256 * 1024;
  /**
   * Accepted updates each document keeps in memory: enough to rebase pushes in flight and to catch
   * up a client back after a short drop. A client further behind is caught up from the log
   * ({@code Room.catchUp}), so this bounds memory per room, not what a client can recover.
   */
  static final int DOC_HISTORY = 256;

  final SessionInfo info;
  String status = "scheduled";
  Instant startedAt;
  Instant endedAt;
  long seq;
  final Map<UUID, ParticipantState> participants = new LinkedHashMap<>();
  final Map<UUID, PushedQuestion> pushed = new LinkedHashMap<>();
  PushedQuestion current;
  /**
   * Time each question was on screen before its current showing: a push ends the showing of the
   * question it replaces. Derived from the pushes alone (their {@code startedAt}), so a room
   * rebuilt from the log has the same times.
   */
  final Map<UUID, Duration> spent = new LinkedHashMap<>();
  final Map<String, DocState> docs = new LinkedHashMap<>();
  /** Documents this state was loaded from a snapshot of, and that snapshot's version (for the load's log line). */
  final Map<String, Integer> fromSnapshots = new LinkedHashMap<>();
  final List<ChatView> chat = new ArrayList<>();
  final List<NoteView> notes = new ArrayList<>();
  /** participant → question → their latest score of it. */
  final Map<UUID, Map<UUID, ServerMessage.ScoreView>> scores = new LinkedHashMap<>();
  final Map<UUID, ServerMessage.RecommendationView> recommendations = new LinkedHashMap<>();
  final List<ServerMessage.HintView> hints = new ArrayList<>();
  /**
   * Message ids a room remembers ({@link #applied}): those of its latest 1024 chat lines, notes,
   * hints, scores and recommendations (about 150 bytes each: 150 KB a room at most). A resend comes
   * soon after its message: a page has one message in flight at a time and sends it again when its
   * confirmation is 4 s overdue, or after a reconnect, seconds later. A real session (a candidate
   * and a few staff) applies a few hundred such messages in an hour, and at its busiest about two a
   * second (a recommendation draft is saved at each pause in typing), so 1024 last over eight
   * minutes even then, far longer than a resend takes. Only a flood gets through them sooner (a
   * room takes 300 messages a second from each side, {@link RoomRateLimit}), or a page back after a
   * long absence finds its message forgotten, and either costs little: a chat line, note or hint is
   * shown by the welcome, whose page then drops it instead of sending it again, and a score or
   * recommendation sent again once forgotten is applied again with the same value (a submit is
   * refused as already submitted).
   */
  static final int APPLIED_KEPT = 1024;

  /**
   * The chat lines, notes, hints, scores and recommendations applied in this room that have an id
   * (a client's, or the room's own) — the latest {@link #APPLIED_KEPT} of them, oldest first — with
   * their type, author and log version: a message sent again with a remembered id is not applied
   * again (see {@link ClientMessage.Confirmable}). Rebuilt from the log through the same mutator,
   * in the same order, so a reloaded room, or one moved to another node, remembers the same ids.
   */
  private final Map<UUID, Applied> applied = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Applied> eldest) {
      return size() > APPLIED_KEPT;
    }
  };

  /** A message applied under its id: its event type, its author, and the version of its event. */
  record Applied(String type, UUID participantId, long seq) {}

  static final class ParticipantState {
    final UUID id;
    final UUID accountId;
    final String name;
    /** The role of the account's membership when it last joined (a candidate's never changes). */
    Role role;
    String presence = "online";

    ParticipantState(UUID id, UUID accountId, String name, Role role) {
      this.id = id;
      this.accountId = accountId;
      this.name = name;
      this.role = role;
    }

    /** Online or reconnecting: counted in the room's capacity. */
    boolean present() {
      return !presence.equals("left");
    }

    ParticipantView view() {
      return new ParticipantView(id, name, role, presence);
    }
  }

  /** A question on screen since {@code startedAt}, after {@code spentBefore} on screen in earlier showings. */
  record PushedQuestion(PlanItem item, Integer planIndex, Instant startedAt, Duration spentBefore) {
    String doc() {
      return item.questionId().toString();
    }
  }

  RoomState(SessionInfo info) {
    this.info = info;
  }

  // ---- mutators (live and replay) ----

  void started(Instant at) {
    status = "live";
    startedAt = at;
  }

  void ended(Instant at) {
    status = "ended";
    endedAt = at;
    participants.values().forEach(p -> p.presence = "left");
  }

  ParticipantState joined(UUID id, UUID accountId, String name, Role role) {
    ParticipantState p = new ParticipantState(id, accountId, name, role);
    participants.put(id, p);
    return p;
  }

  PushedQuestion questionPushed(PlanItem item, Integer planIndex, Instant at) {
    if (current != null) {
      Duration shown = Duration.between(current.startedAt(), at);
      if (!shown.isNegative()) spent.merge(current.item().questionId(), shown, Duration::plus);
    }
    PushedQuestion q = new PushedQuestion(item, planIndex, at, spent.getOrDefault(item.questionId(), Duration.ZERO));
    pushed.put(item.questionId(), q);
    current = q;
    docs.computeIfAbsent(q.doc(), d -> new DocState(new CollabDocument(MAX_DOC_LENGTH, DOC_HISTORY)));
    return q;
  }

  /**
   * The message with {@code id} (when it has one) is applied, as event {@code seq} of {@code type}.
   * The room forgets the oldest id it remembers once it holds {@link #APPLIED_KEPT}.
   */
  void applied(UUID id, String type, UUID participantId, long seq) {
    if (id != null) applied.put(id, new Applied(type, participantId, seq));
  }

  /** The message applied with {@code id}, or null when none was (or it is too old to be remembered). */
  Applied appliedWith(UUID id) {
    return applied.get(id);
  }

  void scored(ServerMessage.ScoreView score) {
    scores.computeIfAbsent(score.participantId(), p -> new LinkedHashMap<>()).put(score.questionId(), score);
  }

  void recommended(ServerMessage.RecommendationView r) {
    recommendations.put(r.participantId(), r);
  }

  /**
   * Scores are revealed to all staff once everyone who scored or drafted a recommendation has
   * submitted one; until then each sees only their own.
   */
  boolean revealed() {
    java.util.Set<UUID> scorers = new java.util.LinkedHashSet<>(scores.keySet());
    scorers.addAll(recommendations.keySet());
    return !scorers.isEmpty() && scorers.stream().allMatch(p -> {
      ServerMessage.RecommendationView r = recommendations.get(p);
      return r != null && r.submitted();
    });
  }

  ServerMessage.ScoringView scoringFor(ParticipantState viewer) {
    boolean revealed = revealed();
    List<ServerMessage.ScoreView> visibleScores = new ArrayList<>();
    scores.forEach((p, byQuestion) -> {
      if (revealed || p.equals(viewer.id)) visibleScores.addAll(byQuestion.values());
    });
    List<ServerMessage.RecommendationView> visibleRecs = recommendations.values().stream()
        .filter(r -> revealed || r.participantId().equals(viewer.id)).toList();
    return new ServerMessage.ScoringView(revealed, visibleScores, visibleRecs, List.copyOf(hints));
  }

  // ---- views ----

  SessionView sessionView() {
    return new SessionView(info.id(), info.title(), info.candidateName(), status, startedAt, endedAt);
  }

  List<ParticipantView> participantViews() {
    return participants.values().stream().map(ParticipantState::view).toList();
  }

  List<PlanItemView> planViews() {
    List<PlanItemView> out = new ArrayList<>();
    for (int i = 0; i < info.plan().size(); i++) {
      PlanItem p = info.plan().get(i);
      out.add(new PlanItemView(i, p.questionId(), p.prompt(), p.topic(), p.difficulty(), p.minutes()));
    }
    return out;
  }

  QuestionView questionView(PushedQuestion q, Role role) {
    if (q == null) return null;
    PlanItem i = q.item();
    int size = info.plan().size();
    return role.staff()
        ? new StaffQuestion(i.questionId(), q.doc(), q.planIndex(), size, i.prompt(), i.minutes(), q.startedAt(),
            q.spentBefore().toSeconds(), i.answer(), i.keyPoints(), i.topic(), i.difficulty())
        : new CandidateQuestion(i.questionId(), q.doc(), q.planIndex(), size, i.prompt(), i.minutes(), q.startedAt(),
            q.spentBefore().toSeconds());
  }
}
