package io.mockroom.room;

import io.mockroom.collab.ChangeSet;
import io.mockroom.collab.Update;
import io.mockroom.http.Json;
import io.mockroom.room.RoomState.ParticipantState;
import io.mockroom.room.ServerMessage.ChatView;
import io.mockroom.room.ServerMessage.NoteView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds a room from Postgres: the session row, its plan and members, then the events of its
 * log in version order through the same {@link RoomState} mutators the live room uses.
 *
 * <p>An answer document starts from a snapshot when it has one old enough ({@link #REPLAYED}
 * updates behind its newest snapshot): only the editor updates after it are read and replayed,
 * and they refill the document's kept history, so pushes and resends made before the room was
 * reloaded are still recognised. Every other event is always replayed. The log stays the truth:
 * if a snapshot and the log disagree, the room is loaded again from the whole log.
 */
public final class RoomLoader {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RoomLoader.class);

  /**
   * At least this many updates of a document are replayed after its snapshot — a full history
   * ({@link RoomState#DOC_HISTORY}) — and fewer than this plus the snapshot interval (100).
   */
  static final int REPLAYED = RoomState.DOC_HISTORY;
  private static final String SESSION = """
      select id, organisation_id, created_by, title, candidate_name, candidate_token from sessions where id = $1""";
  private static final String PLAN = """
      select p.position, p.minutes, q.id, q.prompt, q.answer, q.key_points, q.topic, q.difficulty
        from session_plan_items p join questions q on q.id = p.question_id
       where p.session_id = $1 order by p.position""";
  private static final String EVENTS = """
      select version, type, participant_id, payload from session_events where session_id = $1 order by version""";

  /**
   * Per document, its newest snapshot at least $2 versions older than its newest one, with the
   * number of that document's updates the log holds up to the snapshot — which must be its
   * version, or the snapshot is not used.
   */
  private static final String SNAPSHOTS = """
      select c.document_id, c.doc_version, c.log_version, c.text,
             (select count(*) from session_events e
               where e.session_id = $1 and e.type = 'doc_update' and e.version <= c.log_version
                 and e.payload ->> 'doc' = c.document_id) as logged
        from (select distinct on (document_id) document_id, doc_version, log_version, text
                from document_snapshots s
               where session_id = $1
                 and doc_version <= (select max(doc_version) from document_snapshots n
                                      where n.session_id = s.session_id and n.document_id = s.document_id) - $2
               order by document_id, doc_version desc) c""";

  /** The log without the editor updates a snapshot already holds ($2: documents, $3: their snapshots' log versions). */
  private static final String EVENTS_AFTER_SNAPSHOTS = """
      select version, type, participant_id, payload from session_events e
       where session_id = $1
         and not (type = 'doc_update' and version <= coalesce(
              (select s.l from unnest($2::text[], $3::int8[]) as s(d, l) where s.d = e.payload ->> 'doc'), 0))
       order by version""";

  /** A document's text at {@code docVersion}: the state after every update of it up to log version {@code logVersion}. */
  record Snapshot(String doc, int docVersion, long logVersion, String text) {}

  private final Pool pool;

  public RoomLoader(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<SessionInfo>> info(UUID sessionId) {
    Tuple id = Tuple.of(sessionId);
    Future<io.vertx.sqlclient.RowSet<Row>> session = pool.preparedQuery(SESSION).execute(id);
    Future<io.vertx.sqlclient.RowSet<Row>> plan = pool.preparedQuery(PLAN).execute(id);
    return Future.all(session, plan).map(v -> {
      if (session.result().size() == 0) return Optional.empty();
      Row s = session.result().iterator().next();
      List<PlanItem> items = new ArrayList<>();
      plan.result().forEach(r -> items.add(planItem(r)));
      return Optional.of(new SessionInfo(s.getUUID("id"), s.getUUID("organisation_id"), s.getString("title"),
          s.getString("candidate_name"), List.copyOf(items)));
    });
  }

  /** The room as its log leaves it, documents started from their snapshots where there are some. */
  public Future<RoomState> state(SessionInfo info) {
    return snapshots(info.id()).recover(e -> {
      log.warn("Room {}: its snapshots could not be read ({}); loading it from the whole log", info.id(), e.getMessage());
      return Future.succeededFuture(Map.of());
    }).compose(snapshots -> snapshots.isEmpty()
        ? fromLog(info, Map.of())
        : fromLog(info, snapshots).recover(e -> {
          log.warn("Room {}: its snapshots do not fit its log ({}); loading it from the whole log", info.id(), e.getMessage());
          return fromLog(info, Map.of());
        }));
  }

  /** The snapshots to start from: those whose version is the number of updates the log holds up to them. */
  Future<Map<String, Snapshot>> snapshots(UUID sessionId) {
    return pool.preparedQuery(SNAPSHOTS).execute(Tuple.of(sessionId, REPLAYED)).map(rows -> {
      Map<String, Snapshot> out = new LinkedHashMap<>();
      for (Row r : rows) {
        Snapshot s = new Snapshot(r.getString("document_id"), r.getInteger("doc_version"), r.getLong("log_version"), r.getString("text"));
        long logged = r.getLong("logged");
        if (logged == s.docVersion()) {
          out.put(s.doc(), s);
        } else {
          log.warn("Room {}: the snapshot of {} at version {} follows {} logged updates; not used", sessionId, s.doc(), s.docVersion(), logged);
        }
      }
      return out;
    });
  }

  /** Replays the log; a document in {@code snapshots} starts from its snapshot, and only its later updates are read. */
  Future<RoomState> fromLog(SessionInfo info, Map<String, Snapshot> snapshots) {
    Future<io.vertx.sqlclient.RowSet<Row>> events = snapshots.isEmpty()
        ? pool.preparedQuery(EVENTS).execute(Tuple.of(info.id()))
        : pool.preparedQuery(EVENTS_AFTER_SNAPSHOTS).execute(Tuple.of(info.id(),
            snapshots.keySet().toArray(new String[0]),
            snapshots.values().stream().map(Snapshot::logVersion).toArray(Long[]::new)));
    return events.map(rows -> {
      RoomState state = new RoomState(info);
      for (Row r : rows) {
        String type = r.getString("type");
        JsonObject payload = (JsonObject) r.getValue("payload");
        boolean fits = replay(state, r.getLong("version"), type, r.getUUID("participant_id"), payload);
        if (!fits && !snapshots.isEmpty()) {
          throw new IllegalStateException("editor update " + r.getLong("version") + " does not fit its document");
        }
        if (type.equals("question_pushed")) startFromSnapshot(state, snapshots.get(payload.getString("doc")));
      }
      // Nobody is connected to a freshly loaded room.
      state.participants.values().forEach(p -> {
        if (!state.status.equals("ended")) p.presence = "left";
      });
      return state;
    });
  }

  /**
   * The document was just created by its question's first push (nothing of it replayed yet, as
   * its updates up to the snapshot are not read): it starts at the snapshot instead. A question
   * pushed again finds its document already started.
   */
  private static void startFromSnapshot(RoomState state, Snapshot snapshot) {
    if (snapshot == null) return;
    DocState doc = state.docs.get(snapshot.doc());
    if (doc == null || doc.doc.version() != 0) return;
    state.docs.replace(snapshot.doc(), new DocState(new io.mockroom.collab.CollabDocument(
        RoomState.MAX_DOC_LENGTH, RoomState.DOC_HISTORY, snapshot.text(), snapshot.docVersion())));
    state.fromSnapshots.put(snapshot.doc(), snapshot.docVersion());
  }

  /**
   * The events of messages a client may send again ({@link ClientMessage.Confirmable}), whose ids
   * the room remembers — the latest {@link RoomState#APPLIED_KEPT}, as the live room does: replayed
   * in log order through the same mutator, which forgets the oldest.
   */
  private static final java.util.Set<String> APPLIED_ONCE = java.util.Set.of("chat", "note", "hint", "score", "recommendation");

  /** Applies one logged event; false when it is an editor update that does not fit its document (skipped). */
  static boolean replay(RoomState state, long version, String type, UUID participant, JsonObject p) {
    state.seq = version;
    switch (type) {
      case "started" -> state.started(Instant.parse(p.getString("at")));
      case "ended" -> state.ended(Instant.parse(p.getString("at")));
      case "joined" -> state.joined(participant, uuid(p.getString("accountId")), p.getString("name"),
          Role.valueOf(p.getString("role").toUpperCase(java.util.Locale.ROOT)));
      case "role" -> {
        ParticipantState who = state.participants.get(participant);
        if (who != null) who.role = Role.valueOf(p.getString("role").toUpperCase(java.util.Locale.ROOT));
      }
      case "presence" -> {
        ParticipantState who = state.participants.get(participant);
        if (who != null) who.presence = p.getString("state");
      }
      case "question_pushed" -> state.questionPushed(new PlanItem(UUID.fromString(p.getString("questionId")),
              p.getString("prompt"), p.getString("answer"), strings(p.getJsonArray("keyPoints")), p.getString("topic"),
              p.getString("difficulty"), p.getInteger("minutes")),
          p.getInteger("planIndex"), Instant.parse(p.getString("startedAt")));
      case "doc_update" -> {
        DocState doc = state.docs.get(p.getString("doc"));
        Update u = new Update(p.getString("clientID"),
            ChangeSet.fromJson(Json.MAPPER.valueToTree(p.getJsonArray("changes").getList())));
        if (!doc.doc.push(doc.doc.version(), List.of(u)).accepted()) return false;
        doc.committed(u);
      }
      case "chat" -> state.chat.add(new ChatView(UUID.fromString(p.getString("id")), participant,
          name(state, participant), p.getString("text"), Instant.parse(p.getString("at"))));
      case "note" -> state.notes.add(new NoteView(UUID.fromString(p.getString("id")), participant,
          name(state, participant), uuid(p.getString("questionId")), p.getString("text"), Instant.parse(p.getString("at"))));
      case "score" -> state.scored(new ServerMessage.ScoreView(participant, name(state, participant),
          UUID.fromString(p.getString("questionId")), p.getInteger("rubric"), ints(p.getJsonArray("keyPoints")),
          Instant.parse(p.getString("at"))));
      case "hint" -> state.hints.add(new ServerMessage.HintView(UUID.fromString(p.getString("id")), participant,
          name(state, participant), uuid(p.getString("questionId")), p.getString("text"), Instant.parse(p.getString("at"))));
      case "recommendation" -> state.recommended(new ServerMessage.RecommendationView(participant, name(state, participant),
          p.getString("recommendation"), p.getString("summary"), p.getBoolean("submitted"), Instant.parse(p.getString("at"))));
      default -> { } // events of later versions of the server that this one does not show
    }
    if (APPLIED_ONCE.contains(type)) state.applied(uuid(p.getString("id")), type, participant, version);
    return true;
  }

  static PlanItem planItem(Row r) {
    return new PlanItem(r.getUUID("id"), r.getString("prompt"), r.getString("answer"),
        strings(r.getJsonArray("key_points")), r.getString("topic"), r.getString("difficulty"),
        r.getInteger("minutes"));
  }

  private static String name(RoomState state, UUID participant) {
    ParticipantState p = state.participants.get(participant);
    return p == null ? "?" : p.name;
  }

  private static UUID uuid(String s) {
    return s == null ? null : UUID.fromString(s);
  }

  static List<Integer> ints(JsonArray a) {
    List<Integer> out = new ArrayList<>();
    if (a != null) for (int i = 0; i < a.size(); i++) out.add(a.getInteger(i));
    return out;
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    if (a != null) for (int i = 0; i < a.size(); i++) out.add(a.getString(i));
    return out;
  }
}
