package io.mockroom.room;

import io.mockroom.room.ClientMessage.Note;
import io.mockroom.room.RoomState.ParticipantState;
import io.mockroom.room.RoomState.PushedQuestion;
import io.mockroom.room.ServerMessage.NoteView;
import io.mockroom.store.LogEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What staff record of the candidate during a session: notes, hints, scores and recommendations.
 * Apart from {@link Room} because none of it is the live room everyone shares: only interviewers
 * and observers write it, and only their sockets are shown it — a candidate never gets any.
 *
 * <p>Each is shown, to its author as the confirmation too, only once its log entry is committed; a
 * score or recommendation only once the review tables have it as well (its projection, written one
 * at a time per room, in order), so that what the room shows and what review shows never disagree.
 * A score or recommendation is in the state at once, though, before its commit: later messages are
 * checked against it. A resend is applied once ({@link AppliedOnce}).
 *
 * <p>The room keeps owning its state, log and sockets, and calls these on its context one task at
 * a time; they reach the log and the sockets only through {@link Host}.
 */
final class StaffRecords {
  static final int MAX_NOTE = 10_000;
  /**
   * Notes one session keeps, for the same reason as {@link Room#MAX_CHAT_LINES}: the room holds every
   * note for its life and sends them all in each staff welcome. Only staff write notes, but a note
   * may be five times as long as a chat line. An interview's notes are a few dozen, two busy
   * note-takers' a couple of hundred; at 500 notes of at most {@link #MAX_NOTE} characters a room
   * holds at most ~10 MB of notes. Notes in flight at the limit are still kept (a few more).
   */
  static final int MAX_NOTES = 500;
  /**
   * Hints one session keeps. Every hint (at most {@link #MAX_NOTE} characters, as a note) is held
   * for the room's life and sent to each staff socket in the welcome and again in every scoring
   * message (each score, hint and recommendation sends one). An interview gives a handful of hints
   * per question, tens in all; at 200 a room holds at most ~4 MB of hints. Hints in flight at the
   * limit are still kept (a few more).
   */
  static final int MAX_HINTS = 200;
  /** A recommendation's summary, in characters: one per staff member, resent in every scoring message. */
  static final int MAX_SUMMARY = 20_000;

  /** What the records use of the room that owns them; every call is on the room's context. */
  interface Host {
    /** The next log entry of the room (it takes the next seq). */
    LogEntry entry(String type, UUID participant, JsonObject payload);

    /** Appends {@code entries} and runs {@code then} on the room's context once they are committed (in append order). */
    void commit(List<LogEntry> entries, Runnable then);

    /** Sends {@code message(role)} to every socket; a null message skips that socket. */
    void broadcast(Function<Role, ServerMessage> message);

    /** Sends {@code message(participant)} to each socket of every participant; a null message skips it. */
    void sendEach(Function<ParticipantState, ServerMessage> message);

    /** Queues {@code task} after every task of the room queued before it. */
    void execute(Supplier<Future<?>> task);
  }

  private final RoomState state;
  private final AppliedOnce appliedOnce;
  private final Room.Services services;
  private final Host room;
  /** The last projection write queued; the next one starts once it is done. */
  private Future<Void> projections = Future.succeededFuture();

  StaffRecords(RoomState state, AppliedOnce appliedOnce, Room.Services services, Host room) {
    this.state = state;
    this.appliedOnce = appliedOnce;
    this.services = services;
    this.room = room;
  }

  Future<?> note(Connection conn, ParticipantState p, Note m) {
    if (appliedOnce.resent(conn, p, "note", m.id())) return Future.succeededFuture();
    if (!p.role.staff()) throw ProtocolError.forbidden("Only interviewers and observers can write notes.");
    String text = Room.limited(m.text(), MAX_NOTE, "A note");
    Room.requireRoom(state.notes, MAX_NOTES, "notes", "notes are", "notes", "Put what more you have in your recommendation's summary.");
    UUID question = questionOrCurrent(m.questionId());
    NoteView view = new NoteView(m.id() != null ? m.id() : UUID.randomUUID(), p.id, p.name, question, text, Instant.now());
    LogEntry note = room.entry("note", p.id, new JsonObject().put("id", view.id().toString())
        .put("questionId", question == null ? null : question.toString()).put("text", text)
        .put("at", view.at().toString()));
    appliedOnce.applying(view.id(), note, p);
    room.commit(List.of(note), () -> {
      appliedOnce.confirmed(view.id());
      state.notes.add(view);
      room.broadcast(r -> r.staff() ? new ServerMessage.Note(note.version(), view) : null);
    });
    return Future.succeededFuture();
  }

  Future<?> score(Connection conn, ParticipantState p, ClientMessage.Score m) {
    if (appliedOnce.resent(conn, p, "score", m.id())) return Future.succeededFuture();
    if (!p.role.staff()) throw ProtocolError.forbidden("Only interviewers and observers can score.");
    PushedQuestion q = state.pushed.get(m.questionId());
    if (q == null) throw ProtocolError.invalid("Question " + m.questionId() + " was not asked in this session.");
    for (int k : m.keyPoints()) {
      if (k < 0 || k >= q.item().keyPoints().size()) throw ProtocolError.invalid("The question has no key point " + k + ".");
    }
    ServerMessage.ScoreView view = new ServerMessage.ScoreView(p.id, p.name, m.questionId(), m.rubric(),
        List.copyOf(new java.util.TreeSet<>(m.keyPoints())), Instant.now());
    LogEntry score = room.entry("score", p.id, withId(m.id(), new JsonObject().put("questionId", m.questionId().toString())
        .put("rubric", m.rubric()).put("keyPoints", new JsonArray(view.keyPoints())).put("at", view.at().toString())));
    appliedOnce.applying(m.id(), score, p);
    room.commit(List.of(score),
        () -> afterProjection(p.accountId == null ? null : () -> services.projectScore(state.info.id(), p.accountId, view), p, m.id()));
    state.scored(view); // at once: later messages are checked against it
    return Future.succeededFuture();
  }

  Future<?> hint(Connection conn, ParticipantState p, ClientMessage.Hint m) {
    if (appliedOnce.resent(conn, p, "hint", m.id())) return Future.succeededFuture();
    if (!p.role.staff()) throw ProtocolError.forbidden("Only interviewers and observers can log hints.");
    String text = Room.limited(m.text(), MAX_NOTE, "A hint");
    Room.requireRoom(state.hints, MAX_HINTS, "hints", "hints are", "hints", "Write a note instead.");
    UUID question = questionOrCurrent(m.questionId());
    ServerMessage.HintView view = new ServerMessage.HintView(m.id() != null ? m.id() : UUID.randomUUID(), p.id, p.name,
        question, text, Instant.now());
    LogEntry hint = room.entry("hint", p.id, new JsonObject().put("id", view.id().toString())
        .put("questionId", question == null ? null : question.toString()).put("text", text).put("at", view.at().toString()));
    appliedOnce.applying(view.id(), hint, p);
    // Shown once committed, like chat and notes: a hint in a scoring is a confirmed one.
    room.commit(List.of(hint), () -> {
      appliedOnce.confirmed(view.id());
      state.hints.add(view);
      sendScoring(p, m.id());
    });
    return Future.succeededFuture();
  }

  Future<?> recommend(Connection conn, ParticipantState p, ClientMessage.Recommend m) {
    // Before the checks below: a submit sent again is confirmed again, not refused as already submitted.
    if (appliedOnce.resent(conn, p, "recommendation", m.id())) return Future.succeededFuture();
    if (!p.role.staff()) throw ProtocolError.forbidden("Only interviewers and observers can recommend.");
    ServerMessage.RecommendationView existing = state.recommendations.get(p.id);
    if (existing != null && existing.submitted()) {
      throw new ProtocolError("already_submitted", "Your recommendation is already submitted.");
    }
    if (m.submit() && m.recommendation() == null) throw ProtocolError.invalid("Choose a recommendation before submitting.");
    String summary = m.summary() == null ? "" : m.summary().strip();
    if (summary.length() > MAX_SUMMARY) throw new ProtocolError("too_long", "A summary can be at most " + MAX_SUMMARY + " characters.");
    ServerMessage.RecommendationView view = new ServerMessage.RecommendationView(p.id, p.name, m.recommendation(), summary,
        m.submit(), Instant.now());
    LogEntry recommendation = room.entry("recommendation", p.id, withId(m.id(), new JsonObject().put("recommendation", m.recommendation())
        .put("summary", summary).put("submitted", m.submit()).put("at", view.at().toString())));
    appliedOnce.applying(m.id(), recommendation, p);
    room.commit(List.of(recommendation),
        () -> afterProjection(p.accountId == null ? null : () -> services.projectRecommendation(state.info.id(), p.accountId, view), p, m.id()));
    state.recommended(view); // at once: a second submit right after the first is refused
    return Future.succeededFuture();
  }

  /**
   * Staff see a score once the review tables have it too, so that what the room shows and what
   * review shows never disagree.
   */
  private void afterProjection(Supplier<Future<Void>> projection, ParticipantState author, UUID id) {
    // One projection write at a time per room, in order, so a later score is never overwritten by an earlier one.
    if (projection != null) projections = projections.eventually(projection);
    projections.onComplete(done -> room.execute(() -> {
      appliedOnce.confirmed(id);
      sendScoring(author, id);
      return Future.succeededFuture();
    }));
  }

  /**
   * Each staff socket gets the scoring as its participant may see it (candidates get nothing);
   * {@code author}'s sockets with {@code id}, the confirmation of their message of that id.
   */
  private void sendScoring(ParticipantState author, UUID id) {
    room.sendEach(who -> who.role.staff()
        ? new ServerMessage.Scoring(state.seq, state.scoringFor(who), who == author ? id : null) : null);
  }

  /** The question a note or hint is about: the one it names, else the one on screen (null before any). */
  private UUID questionOrCurrent(UUID named) {
    return named != null ? named : state.current == null ? null : state.current.item().questionId();
  }

  /** A payload with the id of the message it stores, when the message had one (chat, notes and hints always store theirs). */
  private static JsonObject withId(UUID id, JsonObject payload) {
    return id == null ? payload : payload.put("id", id.toString());
  }
}
