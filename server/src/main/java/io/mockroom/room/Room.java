package io.mockroom.room;

import io.mockroom.collab.CollabDocument;
import io.mockroom.collab.Update;
import io.mockroom.room.ClientMessage.Chat;
import io.mockroom.room.ClientMessage.Cursor;
import io.mockroom.room.ClientMessage.End;
import io.mockroom.room.ClientMessage.Hello;
import io.mockroom.room.ClientMessage.Note;
import io.mockroom.room.ClientMessage.Ping;
import io.mockroom.room.ClientMessage.Push;
import io.mockroom.room.ClientMessage.PushQuestion;
import io.mockroom.room.ClientMessage.Start;
import io.mockroom.room.RoomState.ParticipantState;
import io.mockroom.room.RoomState.PushedQuestion;
import io.mockroom.room.ServerMessage.ChatView;
import io.mockroom.room.ServerMessage.DocView;
import io.mockroom.room.ServerMessage.UpdateView;
import io.mockroom.store.EventLog;
import io.mockroom.store.LogEntry;
import io.mockroom.text.VisibleText;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live room: the single writer of its {@link RoomState}. Every call runs on the room's
 * context, through {@link #execute}, one task after another (a task that needs I/O, like fetching
 * a bank question, holds the queue until it is done) — so no two steps of a room ever race.
 *
 * <p>Durability rule: every change is appended to the {@link EventLog} and shown to anyone
 * (including its author, as the confirmation) only after its batch committed. Editor updates are
 * applied to the document's head at once so that later pushes rebase over them, but clients only
 * ever see the committed prefix ({@link DocState}).
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);
  static final int MAX_CHAT = 2000;
  /**
   * Chat lines one session keeps. The room holds every line in memory for its life and sends them
   * all in each welcome, and anyone the candidate link was forwarded to may chat (at the room's
   * rate, {@link RoomRateLimit}: hundreds of lines a second): without a bound, one link could grow
   * a room by megabytes a second. An interview's chat is tens of lines, a long one a few hundred;
   * at 3,000 lines of at most {@link #MAX_CHAT} characters a room holds at most ~12 MB of chat.
   * Lines in flight when the limit is reached are still kept (a few more, never many).
   */
  static final int MAX_CHAT_LINES = 3000;
  static final int MAX_PENDING = 5000;
  static final long RECONNECT_GRACE_MS = 20_000;
  /** Sockets one participant may have open; a newer one closes the oldest (a reconnect whose old socket is half-open). */
  static final int MAX_SOCKETS_PER_PARTICIPANT = 4;
  /** Close code of a staff socket whose role in the session changed: it reconnects and joins with its new role. */
  public static final short ROLE_CHANGED = 4001;
  /** Close code of every socket of a room whose session was deleted: the client stops reconnecting and says so. */
  public static final short DELETED = 4004;
  public static final String DELETED_REASON = "session deleted";

  /** How the room reaches the rest of the server. */
  public interface Services {
    EventLog log();

    /** A bank question visible to the session's organisation, for "push any question". */
    Future<PlanItem> question(UUID organisationId, UUID questionId);

    /** Marks the session started or ended in the sessions table. */
    Future<Void> status(UUID sessionId, String status, Instant at);

    void snapshot(UUID sessionId, String doc, int docVersion, long logVersion, String text);

    /** Keeps the review tables (scores, recommendations) in step with the log; never fails (the log is the truth). */
    Future<Void> projectScore(UUID sessionId, UUID accountId, ServerMessage.ScoreView score);

    Future<Void> projectRecommendation(UUID sessionId, UUID accountId, ServerMessage.RecommendationView recommendation);

    void unload(Room room);

    /** Whether the session was deleted (as this node heard, or as the database says now). */
    Future<Boolean> sessionDeleted(UUID sessionId);

    /**
     * Committed updates {@code from}..{@code from + count} of one document, read from the log: for
     * a client further behind than the room keeps in memory.
     */
    Future<List<UpdateView>> docUpdates(UUID sessionId, String doc, int from, int count);

    io.mockroom.metrics.ServerMetrics metrics();
  }

  private final Context context;
  private final Services services;
  final RoomState state;
  private final Map<Connection, ParticipantState> connections = new LinkedHashMap<>();
  private final java.util.ArrayDeque<Supplier<Future<?>>> tasks = new java.util.ArrayDeque<>();
  private boolean running;
  private int pending;
  private boolean savingPaused;
  private boolean dead;
  /** Messages all sockets together may hand this room (see {@link RoomRateLimit}). */
  private final RoomRateLimit rate = new RoomRateLimit();
  /** The last append to the log (appends complete in order): what {@link #closeAfterReplies} waits for. */
  private Future<Void> appended = Future.succeededFuture();
  /** The ownership claim this room was loaded under (0 outside a cluster): the log fences by it. */
  private final long epoch;
  /** Which resent messages are not applied again. */
  private final AppliedOnce appliedOnce;
  /** What staff record of the candidate: notes, hints, scores and recommendations. */
  private final StaffRecords staffRecords;

  Room(Context context, Services services, RoomState state, long epoch) {
    this.context = context;
    this.services = services;
    this.state = state;
    this.epoch = epoch;
    this.appliedOnce = new AppliedOnce(state);
    this.staffRecords = new StaffRecords(state, appliedOnce, services, new StaffRecordsHost());
  }

  public UUID id() {
    return state.info.id();
  }

  public Context context() {
    return context;
  }

  public UUID organisationId() {
    return state.info.organisationId();
  }

  /** Runs {@code task} on the room's context after every task queued before it has finished. */
  public void execute(Supplier<Future<?>> task) {
    context.runOnContext(v -> {
      tasks.add(task);
      if (!running) drain();
    });
  }

  private void drain() {
    Supplier<Future<?>> next = tasks.poll();
    if (next == null) {
      running = false;
      return;
    }
    running = true;
    Future<?> done;
    try {
      done = next.get();
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    done.onComplete(ar -> {
      if (ar.failed() && !(ar.cause() instanceof ProtocolError)) {
        log.error("Room {}: a task failed", id(), ar.cause());
      }
      if (Context.isOnEventLoopThread() && context == io.vertx.core.Vertx.currentContext()) {
        drain();
      } else {
        context.runOnContext(v -> drain());
      }
    });
  }

  // ---- sockets ----

  /**
   * The first message of a socket: who it is, and what it has already seen. False when this room
   * object was unloaded meanwhile; the caller then asks the registry again.
   */
  public Future<Boolean> join(Connection conn, Principal principal, Hello hello) {
    if (dead) return Future.succeededFuture(false);
    if (state.status.equals("ended")) {
      conn.send(new ServerMessage.Ended(state.seq, state.endedAt));
      conn.close((short) 1000, "session ended");
      return Future.succeededFuture(true);
    }
    ParticipantState existing = Admission.participant(state, principal, hello);
    // Nothing is changed before the catch-up is read: a failed read leaves no trace (and no gap in the log).
    return catchUp(hello.docs()).map(older -> {
      if (dead) return false;
      admit(conn, principal, hello, existing, older);
      return true;
    });
  }

  private void admit(Connection conn, Principal principal, Hello hello, ParticipantState existing, Map<String, OlderUpdates> older) {
    List<LogEntry> entries = new ArrayList<>();
    ParticipantState p;
    if (existing != null) {
      p = existing;
      services.metrics().reconnects.increment();
      if (!p.presence.equals("online")) {
        p.presence = "online";
        entries.add(entry("presence", p.id, new JsonObject().put("state", "online")));
      }
      // A member's role is the one their membership gives now (the handshake read it), not the
      // one they first joined with. Their other sockets hold the old role's view: they rejoin.
      if (principal instanceof Principal.Staff s && p.role != s.role()) {
        p.role = s.role();
        entries.add(entry("role", p.id, new JsonObject().put("role", p.role.wire())));
        closeAll(p, ROLE_CHANGED, "role changed");
      }
      // The oldest socket of a participant at its limit gives way (most often a half-open one a reconnect left behind).
      List<Connection> own = connectionsOf(p);
      for (int i = 0; i <= own.size() - MAX_SOCKETS_PER_PARTICIPANT; i++) {
        connections.remove(own.get(i));
        own.get(i).close((short) 1008, "replaced by a newer socket");
      }
    } else {
      String name = principal instanceof Principal.Staff s ? s.name() : Admission.candidateName(hello.name());
      Role role = principal instanceof Principal.Staff s ? s.role() : Role.CANDIDATE;
      UUID accountId = principal instanceof Principal.Staff s ? s.accountId() : null;
      p = state.joined(UUID.randomUUID(), accountId, name, role);
      entries.add(entry("joined", p.id, new JsonObject().put("name", name).put("role", role.wire())
          .put("accountId", accountId == null ? null : accountId.toString())));
    }
    connections.put(conn, p);
    conn.send(welcome(p, hello.docs(), older));
    if (!entries.isEmpty()) {
      ServerMessage.Presence presence = new ServerMessage.Presence(state.seq, p.view());
      commit(entries, () -> broadcastAll(presence));
    }
    log.debug("Room {}: participant {} ({}) connected on {}", id(), p.id, p.role.wire(), conn.id());
  }

  /** What a document's catch-up starts with: updates read from the log, up to {@code upTo}. */
  private record OlderUpdates(List<UpdateView> updates, int upTo) {}

  /**
   * For each document the client is further behind on than memory holds, the committed updates
   * it missed, read from the log — so a client back after a long absence still gets updates to
   * rebase its unconfirmed edits on, never just a text that would replace them.
   */
  private Future<Map<String, OlderUpdates>> catchUp(Map<String, Integer> clientDocs) {
    if (clientDocs == null) return Future.succeededFuture(Map.of());
    Map<String, Future<OlderUpdates>> reads = new LinkedHashMap<>();
    state.docs.forEach((doc, d) -> {
      Integer known = clientDocs.get(doc);
      int upTo = d.committedVersion();
      if (known == null || known < 0 || known > upTo || d.committedSince(known).isPresent()) return;
      reads.put(doc, services.docUpdates(id(), doc, known, upTo - known).map(u -> new OlderUpdates(u, upTo)));
    });
    if (reads.isEmpty()) return Future.succeededFuture(Map.of());
    return Future.all(List.copyOf(reads.values())).map(v -> {
      Map<String, OlderUpdates> out = new LinkedHashMap<>();
      reads.forEach((doc, f) -> out.put(doc, f.result()));
      return out;
    });
  }

  public Future<?> disconnected(Connection conn) {
    ParticipantState p = connections.remove(conn);
    if (p != null) lost(p);
    return Future.succeededFuture();
  }

  /** A participant's socket went: with none left, it is shown reconnecting, and after the grace, left. */
  private void lost(ParticipantState p) {
    if (connections.containsValue(p) || state.status.equals("ended")) return;
    p.presence = "reconnecting";
    broadcast(r -> new ServerMessage.Presence(state.seq, p.view()));
    context.owner().setTimer(RECONNECT_GRACE_MS, t -> execute(() -> {
      if (!connections.containsValue(p) && p.presence.equals("reconnecting")) {
        p.presence = "left";
        commit(List.of(entry("presence", p.id, new JsonObject().put("state", "left"))),
            () -> broadcast(r -> new ServerMessage.Presence(state.seq, p.view())));
      }
      maybeUnload();
      return Future.succeededFuture();
    }));
  }

  /** One decoded message from a joined socket. */
  public Future<?> handle(Connection conn, ClientMessage message) {
    ParticipantState p = connections.get(conn);
    if (p == null) {
      // The hello of this socket was refused (or the socket closed): nothing is done for it.
      conn.send(new ServerMessage.Error("invalid_message", "Say hello (and wait for welcome) before anything else."));
      return Future.succeededFuture();
    }
    if (!rate.admit(p.role, message)) {
      // Dropped whole: nothing of it is applied. Named, when it has an id, so its client resends it later.
      conn.send(RoomRateLimit.refusal(message instanceof ClientMessage.Confirmable c ? c.id() : null));
      return Future.succeededFuture();
    }
    try {
      if (state.status.equals("ended") && !(message instanceof Ping)) {
        throw new ProtocolError("session_ended", "The session has ended.");
      }
      if (message instanceof Push m) return push(conn, p, m);
      if (message instanceof Cursor m) return cursor(p, m);
      if (message instanceof Chat m) return chat(conn, p, m);
      if (message instanceof Note m) return staffRecords.note(conn, p, m);
      if (message instanceof PushQuestion m) return pushQuestion(p, m);
      if (message instanceof ClientMessage.Score m) return staffRecords.score(conn, p, m);
      if (message instanceof ClientMessage.Hint m) return staffRecords.hint(conn, p, m);
      if (message instanceof ClientMessage.Recommend m) return staffRecords.recommend(conn, p, m);
      if (message instanceof Start) return start(p);
      if (message instanceof End) return end(p);
      if (message instanceof Ping m) {
        conn.send(new ServerMessage.Pong(m.t()));
        return Future.succeededFuture();
      }
      if (message instanceof Hello) throw ProtocolError.invalid("hello was already sent on this socket.");
      throw ProtocolError.invalid("Unhandled message " + message.getClass().getSimpleName());
    } catch (ProtocolError e) {
      // A refusal names the message it refuses when it has an id: its client drops it, not resends it.
      conn.send(ServerMessage.Error.of(message instanceof ClientMessage.Confirmable c ? e.withId(c.id()) : e));
      return Future.succeededFuture();
    }
  }

  /**
   * Closes a socket after every task queued before this one (its earlier messages among them)
   * and after their log appends are committed, whose confirmations then precede the close frame.
   */
  public Future<?> closeAfterReplies(Connection conn, short code, String reason) {
    // Commits complete in append order, and each one's confirmations are queued on this context
    // by a handler added before this one: the close is queued after all of them.
    appended.onComplete(done -> context.runOnContext(v -> conn.close(code, reason)));
    return Future.succeededFuture();
  }

  /**
   * An account's membership of the session was set to {@code role} (the member route says so).
   * If that account is here with another role, its sockets are closed with {@link #ROLE_CHANGED}:
   * they reconnect, and the handshake gives them the new role ({@link #join}).
   */
  public Future<?> memberChanged(UUID accountId, Role role) {
    state.participants.values().stream()
        .filter(x -> accountId.equals(x.accountId) && x.role != role && connections.containsValue(x))
        .toList()
        .forEach(x -> {
          closeAll(x, ROLE_CHANGED, "role changed");
          lost(x);
        });
    return Future.succeededFuture();
  }

  /**
   * The session is being deleted: the room appends nothing more from now on (as a room that gave
   * itself up), leaves the registry (new sockets go to the registry, which opens no room of a session
   * being deleted), and completes once its last append has completed — so nothing this room
   * appended can reach the log after the delete. Its sockets stay open until the delete's outcome:
   * {@link #closeDeleted} or, if it failed, {@link #closeToReload}.
   */
  public Future<Void> stopForDelete() {
    if (!dead) unload();
    // Appends complete in order: the last one done, every earlier one is done too.
    return appended.otherwiseEmpty();
  }

  /** The session is deleted: every socket is closed with {@link #DELETED} and nothing more is done here. */
  public Future<?> closeDeleted() {
    if (!dead) unload();
    new ArrayList<>(connections.keySet()).forEach(c -> c.close(DELETED, DELETED_REASON));
    connections.clear();
    return Future.succeededFuture();
  }

  /** The delete failed: the sockets reconnect to the room loaded afresh and resend what was not confirmed. */
  public Future<?> closeToReload() {
    new ArrayList<>(connections.keySet()).forEach(c -> c.close((short) 1012, "room reloaded"));
    connections.clear();
    return Future.succeededFuture();
  }

  private List<Connection> connectionsOf(ParticipantState p) {
    List<Connection> out = new ArrayList<>();
    connections.forEach((c, who) -> {
      if (who == p) out.add(c);
    });
    return out;
  }

  /** Closes every socket of one participant, at once out of the room (their close events find nothing more to do). */
  private void closeAll(ParticipantState p, short code, String reason) {
    for (Connection c : connectionsOf(p)) {
      connections.remove(c);
      c.close(code, reason);
    }
  }

  // ---- messages ----

  private Future<?> start(ParticipantState p) {
    requireRole(p, Role.INTERVIEWER, "Only an interviewer can start the session.");
    if (!state.status.equals("scheduled")) throw new ProtocolError("already_started", "The session has already started.");
    Instant at = Instant.now();
    state.started(at);
    services.status(id(), "live", at);
    commit(List.of(entry("started", p.id, new JsonObject().put("at", at.toString()))),
        () -> broadcastAll(new ServerMessage.Started(state.seq, at)));
    return Future.succeededFuture();
  }

  private Future<?> pushQuestion(ParticipantState p, PushQuestion m) {
    requireRole(p, Role.INTERVIEWER, "Only an interviewer can push a question.");
    Future<PlanItem> item;
    Integer planIndex = m.planIndex();
    if (planIndex != null) {
      if (planIndex < 0 || planIndex >= state.info.plan().size()) {
        throw ProtocolError.invalid("The plan has no question " + planIndex + ".");
      }
      item = Future.succeededFuture(state.info.plan().get(planIndex));
    } else {
      PushedQuestion earlier = state.pushed.get(m.questionId());
      item = earlier != null ? Future.succeededFuture(earlier.item()) : services.question(state.info.organisationId(), m.questionId());
    }
    return item.compose(q -> {
      if (q == null) {
        return Future.failedFuture(ProtocolError.invalid("No question with id " + m.questionId() + " in the bank."));
      }
      Integer index = planIndex != null ? planIndex : indexInPlan(q.questionId());
      Instant at = Instant.now();
      PushedQuestion pushed = state.questionPushed(q, index, at);
      JsonObject payload = new JsonObject()
          .put("questionId", q.questionId().toString()).put("doc", pushed.doc()).put("planIndex", index)
          .put("minutes", q.minutes()).put("startedAt", at.toString()).put("prompt", q.prompt())
          .put("answer", q.answer()).put("keyPoints", new JsonArray(q.keyPoints()))
          .put("topic", q.topic()).put("difficulty", q.difficulty());
      commit(List.of(entry("question_pushed", p.id, payload)),
          () -> broadcast(r -> new ServerMessage.Question(state.seq, state.questionView(pushed, r))));
      return Future.succeededFuture();
    }).recover(e -> {
      if (e instanceof ProtocolError pe) {
        sendTo(p, ServerMessage.Error.of(pe));
        return Future.succeededFuture();
      }
      return Future.failedFuture(e);
    });
  }

  private Future<?> push(Connection conn, ParticipantState p, Push m) {
    if (p.role == Role.OBSERVER) throw ProtocolError.forbidden("Observers cannot edit the answer.");
    DocState doc = state.docs.get(m.doc());
    if (doc == null) throw ProtocolError.invalid("No answer document '" + m.doc() + "' in this room.");
    if (pending >= MAX_PENDING) {
      throw new ProtocolError("saving_paused", "Saving is paused; your edits are kept and will be sent again.");
    }
    long received = System.nanoTime();
    CollabDocument.PushResult result = doc.doc.push(m.version(), m.updates());
    if (!result.accepted()) {
      // Stale: the client takes the updates it has not seen yet (they are on their way) and pushes again.
      throw new ProtocolError(result.stale() ? "stale_push" : "push_rejected", result.reason());
    }
    List<Update> accepted = result.updates();
    if (accepted.isEmpty()) return Future.succeededFuture(); // all of it was already applied (a resend)
    // Each update's JSON is written once, for the log row and for the broadcast alike.
    List<LogEntry> entries = new ArrayList<>(accepted.size());
    List<UpdateView> views = new ArrayList<>(accepted.size());
    for (Update u : accepted) {
      UpdateView view = view(u);
      views.add(view);
      entries.add(new LogEntry(id(), ++state.seq, "doc_update", p.id, docUpdatePayload(m.doc(), u.clientId(), view.changes())));
    }
    long lastSeq = state.seq;
    commit(entries, () -> {
      accepted.forEach(doc::committed);
      broadcastAll(new ServerMessage.Updates(lastSeq, m.doc(), doc.committedVersion(), views));
      services.metrics().editsIn.increment(accepted.size());
      services.metrics().editsOut.increment((double) accepted.size() * connections.size());
      services.metrics().fanOut.record(System.nanoTime() - received, java.util.concurrent.TimeUnit.NANOSECONDS);
      if (SnapshotSchedule.due(id(), m.doc(), doc.committedVersion(), accepted.size())) {
        services.snapshot(id(), m.doc(), doc.committedVersion(), lastSeq, doc.committedText());
      }
    });
    return Future.succeededFuture();
  }

  private Future<?> cursor(ParticipantState p, Cursor m) {
    if (!state.docs.containsKey(m.doc())) return Future.succeededFuture();
    ServerMessage.Cursor out = new ServerMessage.Cursor(p.id, p.name, m.doc(), m.anchor(), m.head());
    connections.forEach((c, who) -> {
      if (who != p) c.send(out);
    });
    return Future.succeededFuture();
  }

  private Future<?> chat(Connection conn, ParticipantState p, Chat m) {
    if (appliedOnce.resent(conn, p, "chat", m.id())) return Future.succeededFuture();
    String text = limited(m.text(), MAX_CHAT, "A chat message");
    requireRoom(state.chat, MAX_CHAT_LINES, "chat", "chat is", "messages", "Use the shared editor or notes instead.");
    ChatView view = new ChatView(m.id() != null ? m.id() : UUID.randomUUID(), p.id, p.name, text, Instant.now());
    LogEntry chat = entry("chat", p.id, new JsonObject().put("id", view.id().toString()).put("text", text)
        .put("at", view.at().toString()));
    appliedOnce.applying(view.id(), chat, p);
    commit(List.of(chat), () -> {
      appliedOnce.confirmed(view.id());
      state.chat.add(view);
      broadcastAll(new ServerMessage.Chat(chat.version(), view));
    });
    return Future.succeededFuture();
  }

  private Future<?> end(ParticipantState p) {
    requireRole(p, Role.INTERVIEWER, "Only an interviewer can end the session.");
    Instant at = Instant.now();
    state.ended(at);
    commit(List.of(entry("ended", p.id, new JsonObject().put("at", at.toString()))), () -> {
      services.status(id(), "ended", at).onComplete(done -> execute(() -> {
        broadcast(r -> new ServerMessage.Ended(state.seq, at));
        new ArrayList<>(connections.keySet()).forEach(c -> c.close((short) 1000, "session ended"));
        connections.clear();
        unload();
        return Future.succeededFuture();
      }));
    });
    return Future.succeededFuture();
  }

  // ---- log and delivery ----

  private LogEntry entry(String type, UUID participant, JsonObject payload) {
    return new LogEntry(id(), ++state.seq, type, participant, payload.encode());
  }

  /** A doc_update row's payload, written in one builder (it is made once per keystroke). */
  private static String docUpdatePayload(String doc, String clientId, String changes) {
    StringBuilder out = new StringBuilder(48 + doc.length() + clientId.length() + changes.length());
    io.mockroom.http.JsonText.quote(out.append("{\"doc\":"), doc);
    io.mockroom.http.JsonText.quote(out.append(",\"clientID\":"), clientId);
    return out.append(",\"changes\":").append(changes).append('}').toString();
  }

  /**
   * Appends entries (already numbered, in order) and runs {@code then} on the room's context once
   * they are committed. Commits complete in append order, so {@code then}s run in version order.
   */
  private void commit(List<LogEntry> entries, Runnable then) {
    // A room that gave itself up appends nothing more: a room loaded since (here or on another
    // node) writes this session's versions now, and ours would collide with them or leave a gap.
    if (dead) return;
    pending += entries.size();
    appended = services.log().append(entries, epoch);
    appended.onComplete(ar -> context.runOnContext(v -> {
      pending -= entries.size();
      if (ar.succeeded()) {
        if (savingPaused && pending == 0) setSaving(false);
        // A room that gave itself up shows and snapshots nothing more: another owner holds it.
        if (!dead) then.run();
      } else if (ar.cause() instanceof EventLog.StaleOwnerException) {
        dropStale(ar.cause());
      } else if (ar.cause() instanceof EventLog.RefusedException refused) {
        dropRefused(entries, refused);
      } else if (ar.cause() instanceof EventLog.ClosedException) {
        // The server is stopping: these were never confirmed, and the log said how many.
        log.debug("Room {}: {}", id(), ar.cause().getMessage());
      } else {
        log.error("Room {}: events could not be stored", id(), ar.cause());
      }
    }));
    if (!services.log().healthy() && !savingPaused) setSaving(true);
  }

  /** The event log started failing, or works again. */
  public Future<?> savingHealth(boolean healthy) {
    if (!healthy && !savingPaused && pending > 0) setSaving(true);
    if (healthy && savingPaused && pending == 0) setSaving(false);
    return Future.succeededFuture();
  }

  private void setSaving(boolean paused) {
    savingPaused = paused;
    ServerMessage.Saving msg = new ServerMessage.Saving(paused ? "paused" : "ok");
    connections.keySet().forEach(c -> c.send(msg));
  }

  /**
   * Another owner wrote this room's versions, or (in a cluster) the session was deleted, which
   * deletes the owner row the log's inserts are fenced by: our state is not the truth. Clients
   * reconnect and reload — or, the session being gone, are told so ({@link #DELETED}), whichever of
   * this refusal and the deletion's word reaches this node first.
   */
  private void dropStale(Throwable cause) {
    if (dead) return;
    log.warn("Room {}: giving the room up: {}", id(), cause.getMessage());
    unload(); // appends nothing more from here
    services.sessionDeleted(id()).otherwise(false).onComplete(deleted -> execute(() -> {
      connections.keySet().forEach(c -> {
        if (deleted.result()) c.close(DELETED, DELETED_REASON);
        else c.close((short) 1012, "room moved");
      });
      connections.clear();
      return Future.succeededFuture();
    }));
  }

  /**
   * The database refused one of this room's events (or an earlier one, which this follows): it is
   * not stored, yet the room's state already holds it — the seq it took, an editor update later
   * pushes were rebased on, a score. Only a reload from the log gives a state that matches what
   * is stored, so the author of the refused message is told, every socket is closed as for a
   * restart, and the room is unloaded; clients reconnect to the room loaded again from the log
   * and resend what was never confirmed. Other rooms are not touched.
   */
  private void dropRefused(List<LogEntry> entries, EventLog.RefusedException refused) {
    if (dead) return;
    log.warn("Room {}: event {} was refused by the database; reloading the room from the log: {}",
        id(), refused.refusedVersion(), refused.getMessage());
    entries.stream().filter(e -> e.version() == refused.refusedVersion()).findFirst().ifPresent(e -> {
      // An editor update is named (document and editor), and so is a message by its id, so its
      // author's client drops it instead of sending it again after the reload, which the database
      // would refuse again.
      JsonObject payload = new JsonObject(e.payload());
      boolean edit = e.type().equals("doc_update");
      String messageId = edit ? null : payload.getString("id");
      ServerMessage.Error error = new ServerMessage.Error("not_stored",
          edit
              ? "The server could not store your last edit, so it was dropped. The room reloads from what was saved."
              : "The server could not store this message, so it was dropped. The room reloads from what was saved; reconnect.",
          edit ? payload.getString("doc") : null, edit ? payload.getString("clientID") : null,
          messageId == null ? null : UUID.fromString(messageId));
      connections.forEach((c, who) -> {
        if (who.id.equals(e.participantId())) c.send(error);
      });
    });
    connections.keySet().forEach(c -> c.close((short) 1012, "room reloaded"));
    connections.clear();
    unload();
  }

  /** Sends one message, encoded once, to every socket. */
  private void broadcastAll(ServerMessage message) {
    // Updates go out once per keystroke: written by hand, to the very text Jackson would write.
    EncodedMessage encoded = EncodedMessage.of(message instanceof ServerMessage.Updates u ? u.json()
        : io.mockroom.http.Json.encode(message).toString());
    connections.keySet().forEach(c -> c.sendEncoded(encoded));
  }

  /** What {@link #broadcast} remembers for a role that gets no message (the map takes no null). */
  private static final EncodedMessage NOTHING = EncodedMessage.of("");

  /** Sends {@code message(role)} to every socket, encoded once per role; a null message skips that socket. */
  private void broadcast(Function<Role, ServerMessage> message) {
    Map<Role, EncodedMessage> byRole = new java.util.EnumMap<>(Role.class);
    connections.forEach((c, p) -> {
      EncodedMessage encoded = byRole.computeIfAbsent(p.role, r -> {
        ServerMessage m = message.apply(r);
        return m == null ? NOTHING : EncodedMessage.of(io.mockroom.http.Json.encode(m).toString());
      });
      if (encoded != NOTHING) c.sendEncoded(encoded);
    });
  }

  private void sendTo(ParticipantState p, ServerMessage m) {
    connections.forEach((c, who) -> {
      if (who == p) c.send(m);
    });
  }

  /** This room's log, sockets and queue, as its {@link StaffRecords} use them. */
  private final class StaffRecordsHost implements StaffRecords.Host {
    @Override
    public LogEntry entry(String type, UUID participant, JsonObject payload) {
      return Room.this.entry(type, participant, payload);
    }

    @Override
    public void commit(List<LogEntry> entries, Runnable then) {
      Room.this.commit(entries, then);
    }

    @Override
    public void broadcast(Function<Role, ServerMessage> message) {
      Room.this.broadcast(message);
    }

    @Override
    public void sendEach(Function<ParticipantState, ServerMessage> message) {
      connections.forEach((c, who) -> {
        ServerMessage m = message.apply(who);
        if (m != null) c.send(m);
      });
    }

    @Override
    public void execute(Supplier<Future<?>> task) {
      Room.this.execute(task);
    }
  }

  private ServerMessage.Welcome welcome(ParticipantState p, Map<String, Integer> clientDocs, Map<String, OlderUpdates> older) {
    Map<String, DocView> docs = new LinkedHashMap<>();
    state.docs.forEach((id, d) -> {
      Integer known = clientDocs == null ? null : clientDocs.get(id);
      OlderUpdates fromLog = older.get(id);
      // From the log up to where it was read, then from memory (commits may have landed since).
      int from = fromLog != null ? fromLog.upTo() : known == null ? -1 : known;
      List<UpdateView> since = known == null ? null
          : d.committedSince(from).map(l -> {
            List<UpdateView> all = new ArrayList<>(fromLog != null ? fromLog.updates() : List.of());
            l.forEach(u -> all.add(view(u)));
            return List.copyOf(all);
          }).orElse(null);
      docs.put(id, new DocView(d.committedVersion(), d.committedText(), since));
    });
    boolean staff = p.role.staff();
    return new ServerMessage.Welcome(state.seq, p.view(), state.sessionView(), state.participantViews(),
        staff ? state.planViews() : null, state.info.plan().size(), state.questionView(state.current, p.role),
        docs, List.copyOf(state.chat), staff ? List.copyOf(state.notes) : null,
        staff ? state.scoringFor(p) : null, savingPaused ? "paused" : "ok");
  }

  // ---- helpers ----

  private Integer indexInPlan(UUID questionId) {
    for (int i = 0; i < state.info.plan().size(); i++) {
      if (state.info.plan().get(i).questionId().equals(questionId)) return i;
    }
    return null;
  }

  private static void requireRole(ParticipantState p, Role role, String message) {
    if (p.role != role) throw ProtocolError.forbidden(message);
  }

  /**
   * Refuses one more of what a session keeps only so many of ({@code kind}_full): chat lines,
   * notes, hints. Lines in flight when the limit is reached are still kept (a few, never many).
   */
  static void requireRoom(List<?> kept, int max, String kind, String subject, String unit, String instead) {
    if (kept.size() >= max) {
      throw new ProtocolError(kind + "_full", "This session's " + subject + " full: it keeps at most " + max + " " + unit + ". " + instead);
    }
  }

  /** The text of a chat line, note or hint, trimmed; refused when it shows nothing or is longer than {@code max}. */
  static String limited(String text, int max, String what) {
    String t = text == null ? "" : text.strip();
    if (!VisibleText.hasVisible(t)) throw ProtocolError.invalid(what + " cannot be empty.");
    if (t.length() > max) throw new ProtocolError("too_long", what + " can be at most " + max + " characters.");
    return t;
  }

  static UpdateView view(Update u) {
    return new UpdateView(u.clientId(), u.changes().toJsonString());
  }

  private void maybeUnload() {
    if (connections.isEmpty() && pending == 0 && tasks.isEmpty()) unload();
  }

  /** After this, the object is never used again: joins are refused and go to a freshly loaded room. */
  private void unload() {
    dead = true;
    services.unload(this);
  }
}
