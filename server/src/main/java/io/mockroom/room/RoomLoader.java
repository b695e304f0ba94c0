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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds a room from Postgres: the session row, its plan and members, then every event of its
 * log in version order through the same {@link RoomState} mutators the live room uses.
 */
public final class RoomLoader {
  private static final String SESSION = """
      select id, organisation_id, created_by, title, candidate_name, candidate_token from sessions where id = $1""";
  private static final String PLAN = """
      select p.position, p.minutes, q.id, q.prompt, q.answer, q.key_points, q.topic, q.difficulty
        from session_plan_items p join questions q on q.id = p.question_id
       where p.session_id = $1 order by p.position""";
  private static final String EVENTS = """
      select version, type, participant_id, payload from session_events where session_id = $1 order by version""";

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

  public Future<RoomState> state(SessionInfo info) {
    return pool.preparedQuery(EVENTS).execute(Tuple.of(info.id())).map(rows -> {
      RoomState state = new RoomState(info);
      for (Row r : rows) replay(state, r.getLong("version"), r.getString("type"), r.getUUID("participant_id"), (JsonObject) r.getValue("payload"));
      // Nobody is connected to a freshly loaded room.
      state.participants.values().forEach(p -> {
        if (!state.status.equals("ended")) p.presence = "left";
      });
      return state;
    });
  }

  static void replay(RoomState state, long version, String type, UUID participant, JsonObject p) {
    state.seq = version;
    switch (type) {
      case "started" -> state.started(Instant.parse(p.getString("at")));
      case "ended" -> state.ended(Instant.parse(p.getString("at")));
      case "joined" -> state.joined(participant, uuid(p.getString("accountId")), p.getString("name"),
          Role.valueOf(p.getString("role").toUpperCase(java.util.Locale.ROOT)));
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
        doc.doc.push(doc.doc.version(), List.of(u));
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
