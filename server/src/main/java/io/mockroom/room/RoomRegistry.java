package io.mockroom.room;

import io.mockroom.store.EventLog;
import io.mockroom.store.SnapshotWriter;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live rooms of this node. A room is loaded from Postgres on first use and lives on one of a
 * fixed set of event-loop contexts (chosen by its id), so rooms spread over the cores while each
 * room stays single-threaded. Concurrent first uses share one load.
 */
public final class RoomRegistry implements Room.Services {
  private static final Logger log = LoggerFactory.getLogger(RoomRegistry.class);

  private final Vertx vertx;
  private final Pool pool;
  private final EventLog eventLog;
  private final RoomLoader loader;
  private final SnapshotWriter snapshots;
  private final List<Context> shards = new CopyOnWriteArrayList<>();
  private final Map<UUID, Future<Room>> rooms = new ConcurrentHashMap<>();

  private final io.mockroom.metrics.ServerMetrics metrics;
  private final Claims claims;
  /**
   * Sessions being deleted, or deleted, as this node heard: no room of theirs is loaded here any
   * more (a load under way when the delete began finds its id here at its end and gives up). Kept
   * after the delete (one id per deleted session): a load that read the session's row just before
   * the delete committed must still be refused when it completes.
   */
  private final java.util.Set<UUID> deleting = ConcurrentHashMap.newKeySet();
  /** Rooms stopped for a delete still under way on this node, whose sockets wait for its outcome. */
  private final Map<UUID, Room> stoppedForDelete = new ConcurrentHashMap<>();

  /**
   * How a room is claimed before it is loaded and released once it is unloaded. Alone, a node owns
   * every room (epoch 0, nothing to claim); in a cluster the claim takes a new ownership epoch.
   */
  public interface Claims {
    /** Claims the room for this node; the epoch its events are written under. */
    Future<Long> claim(UUID sessionId);

    /**
     * The room was unloaded here. {@code loadedAgain} tells whether this node has loaded it again
     * since (a socket arrived meanwhile): then the claim must stay.
     */
    void release(UUID sessionId, java.util.function.BooleanSupplier loadedAgain);

    Claims NONE = new Claims() {
      @Override
      public Future<Long> claim(UUID sessionId) {
        return Future.succeededFuture(0L);
      }

      @Override
      public void release(UUID sessionId, java.util.function.BooleanSupplier loadedAgain) {}
    };
  }

  private RoomRegistry(Vertx vertx, Pool pool, EventLog eventLog, io.mockroom.metrics.ServerMetrics metrics, Claims claims) {
    this.vertx = vertx;
    this.claims = claims;
    this.pool = pool;
    this.eventLog = eventLog;
    this.metrics = metrics;
    this.loader = new RoomLoader(pool);
    this.snapshots = new SnapshotWriter(vertx, pool);
    metrics.gauge("mockroom_rooms_live", "Rooms loaded on this node", this::liveRooms);
    // Every room tells its participants when saving pauses and resumes.
    eventLog.onHealthChange(healthy -> rooms.values().forEach(f -> {
      if (f.succeeded()) f.result().execute(() -> f.result().savingHealth(healthy));
    }));
  }

  @Override
  public io.mockroom.metrics.ServerMetrics metrics() {
    return metrics;
  }

  /** Deploys one shard per event loop and returns the registry when they are up. */
  public static Future<RoomRegistry> start(Vertx vertx, Pool pool, EventLog eventLog, int shards,
                                          io.mockroom.metrics.ServerMetrics metrics, Claims claims) {
    RoomRegistry registry = new RoomRegistry(vertx, pool, eventLog, metrics, claims);
    // A member's new role reaches the room if it is loaded here (in a cluster, only its owner has it).
    Future<Void> members = MemberChanges.listen(vertx, registry::memberChanged).completion();
    // A deleted session's room is closed on whichever node has it.
    Future<Void> deletions = SessionDeletion.listen(vertx, registry::deleted).completion();
    return Future.all(members, deletions).compose(v -> vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        registry.shards.add(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(shards))).map(id -> registry);
  }

  private void memberChanged(MemberChanges.Change change) {
    Future<Room> loaded = rooms.get(change.sessionId());
    if (loaded != null && loaded.succeeded()) {
      Room room = loaded.result();
      room.execute(() -> room.memberChanged(change.accountId(), change.role()));
    }
  }

  /**
   * Before a session is deleted (on the node deleting it): no room of the session is opened here
   * from now on, and its room, if loaded here, stops appending and completes once its last append
   * is done (see {@link Room#stopForDelete}). Then {@link #deleted} or {@link #notDeleted}.
   */
  public Future<Void> stopForDelete(UUID sessionId) {
    deleting.add(sessionId);
    Future<Room> loaded = rooms.get(sessionId);
    if (loaded == null) return Future.succeededFuture();
    // A load under way ends refused (it finds the id in deleting), or with a room stopped here.
    return loaded.transform(ar -> {
      if (ar.failed()) return Future.succeededFuture();
      Room room = ar.result();
      stoppedForDelete.put(sessionId, room);
      io.vertx.core.Promise<Void> stopped = io.vertx.core.Promise.promise();
      room.execute(() -> room.stopForDelete().onComplete(stopped));
      return stopped.future();
    });
  }

  /** The session is deleted (every node hears it): its room here, if any, closes every socket with {@link Room#DELETED}. */
  private void deleted(UUID sessionId) {
    deleting.add(sessionId);
    Room stopped = stoppedForDelete.remove(sessionId);
    if (stopped != null) stopped.execute(stopped::closeDeleted);
    Future<Room> loaded = rooms.get(sessionId);
    if (loaded != null) loaded.onSuccess(room -> room.execute(room::closeDeleted));
  }

  /** The delete failed: the room stopped for it closes its sockets, which reconnect to a room loaded afresh. */
  public void notDeleted(UUID sessionId) {
    deleting.remove(sessionId);
    Room stopped = stoppedForDelete.remove(sessionId);
    if (stopped != null) stopped.execute(stopped::closeToReload);
  }

  /**
   * Completes once every task that the live rooms had queued before this call has finished (a
   * room runs its tasks one after another, and an edit's task appends it to the log before it
   * ends). Called after the sockets are closed, so that all they sent is in the log's queue
   * before the log drains.
   */
  public Future<Void> settled() {
    List<Future<Void>> all = new java.util.ArrayList<>();
    rooms.values().forEach(loaded -> {
      if (!loaded.succeeded()) return;
      io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
      loaded.result().execute(() -> {
        done.complete();
        return Future.succeededFuture();
      });
      all.add(done.future());
    });
    return Future.all(all).mapEmpty();
  }

  /** The live room of a session, loading it if needed; empty when there is no such session. */
  public Future<Optional<Room>> room(UUID sessionId) {
    if (deleting.contains(sessionId)) return Future.succeededFuture(Optional.empty());
    Future<Room> f = rooms.computeIfAbsent(sessionId, this::load);
    return f.map(Optional::of).recover(e -> {
      rooms.remove(sessionId, f);
      return e instanceof NoSuchSession ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e);
    });
  }

  public int liveRooms() {
    return rooms.size();
  }

  private Future<Room> load(UUID sessionId) {
    Context shard = shards.get(Math.floorMod(sessionId.hashCode(), shards.size()));
    // The claim comes first: once it has committed, a former owner can write nothing more, so the
    // log read after it is the whole truth.
    return loader.info(sessionId).compose(info -> info.isEmpty() || deleting.contains(sessionId)
            ? Future.failedFuture(new NoSuchSession())
            : claims.claim(sessionId).compose(epoch -> loader.state(info.get()).map(state -> {
              log.info("Room {} loaded at version {}{}{}", sessionId, state.seq,
                  state.fromSnapshots.isEmpty() ? "" : " (documents from snapshots: " + state.fromSnapshots + ")",
                  epoch == 0 ? "" : " (ownership epoch " + epoch + ")");
              if (deleting.contains(sessionId)) throw new NoSuchSession(); // deleted while it loaded
              return new Room(shard, this, state, epoch);
            })));
  }

  private static final class NoSuchSession extends RuntimeException {
    NoSuchSession() {
      super(null, null, false, false);
    }
  }

  // ---- Room.Services ----

  @Override
  public EventLog log() {
    return eventLog;
  }

  @Override
  public Future<PlanItem> question(UUID organisationId, UUID questionId) {
    return pool.preparedQuery("""
            select id, prompt, answer, key_points, topic, difficulty, null::int as minutes from questions
             where id = $1 and (organisation_id is null or organisation_id = $2) and archived_at is null""")
        .execute(Tuple.of(questionId, organisationId))
        .map(rows -> rows.size() == 0 ? null : RoomLoader.planItem(rows.iterator().next()));
  }

  @Override
  public Future<Void> status(UUID sessionId, String status, Instant at) {
    // The room does not wait for "live" to be written, so it may land after "ended" (another pool
    // connection): a session that ended stays ended. (Seen as a flaky review test under load.)
    String sql = status.equals("live")
        ? "update sessions set status = case when status = 'ended' then status else $2 end, started_at = $3 where id = $1"
        : "update sessions set status = $2, ended_at = $3 where id = $1";
    return pool.preparedQuery(sql)
        .execute(Tuple.of(sessionId, status, at.atOffset(ZoneOffset.UTC)))
        .onFailure(e -> log.error("Room {}: could not mark the session {}", sessionId, status, e))
        .mapEmpty();
  }

  @Override
  public void snapshot(UUID sessionId, String doc, int docVersion, long logVersion, String text) {
    snapshots.write(sessionId, doc, docVersion, logVersion, text);
  }

  @Override
  public Future<Void> projectScore(UUID sessionId, UUID accountId, ServerMessage.ScoreView score) {
    return pool.preparedQuery("""
            insert into scores (session_id, question_id, account_id, rubric, key_points, updated_at) values ($1, $2, $3, $4, $5, $6)
            on conflict (session_id, question_id, account_id) do update
               set rubric = excluded.rubric, key_points = excluded.key_points, updated_at = excluded.updated_at""")
        .execute(Tuple.of(sessionId, score.questionId(), accountId, score.rubric(),
            new io.vertx.core.json.JsonArray(score.keyPoints()), score.at().atOffset(ZoneOffset.UTC)))
        .onFailure(e -> log.warn("Room {}: score not projected: {}", sessionId, e.getMessage()))
        .<Void>mapEmpty().otherwiseEmpty();
  }

  @Override
  public Future<Void> projectRecommendation(UUID sessionId, UUID accountId, ServerMessage.RecommendationView r) {
    return pool.preparedQuery("""
            insert into recommendations (session_id, account_id, recommendation, summary, submitted_at) values ($1, $2, $3, $4, $5)
            on conflict (session_id, account_id) do update
               set recommendation = excluded.recommendation, summary = excluded.summary, submitted_at = excluded.submitted_at""")
        .execute(Tuple.of(sessionId, accountId, r.recommendation(), r.summary(), r.submitted() ? r.at().atOffset(ZoneOffset.UTC) : null))
        .onFailure(e -> log.warn("Room {}: recommendation not projected: {}", sessionId, e.getMessage()))
        .<Void>mapEmpty().otherwiseEmpty();
  }

  @Override
  public Future<List<ServerMessage.UpdateView>> docUpdates(UUID sessionId, String doc, int from, int count) {
    return pool.preparedQuery("""
            select payload ->> 'clientID' as client, (payload -> 'changes')::text as changes from session_events
             where session_id = $1 and type = 'doc_update' and payload ->> 'doc' = $2
             order by version offset $3 limit $4""")
        .execute(Tuple.of(sessionId, doc, from, count))
        .map(rows -> {
          List<ServerMessage.UpdateView> out = new java.util.ArrayList<>(rows.size());
          rows.forEach(r -> out.add(new ServerMessage.UpdateView(r.getString("client"), r.getString("changes"))));
          if (out.size() != count) {
            throw new IllegalStateException("Room " + sessionId + ": the log holds " + out.size() + " of " + count
                + " updates of " + doc + " after version " + from);
          }
          return out;
        });
  }

  @Override
  public Future<Boolean> sessionDeleted(UUID sessionId) {
    if (deleting.contains(sessionId)) return Future.succeededFuture(true);
    return pool.preparedQuery("select 1 from sessions where id = $1").execute(Tuple.of(sessionId)).map(rows -> rows.size() == 0);
  }

  @Override
  public void unload(Room room) {
    Future<Room> current = rooms.get(room.id());
    if (current != null && current.succeeded() && current.result() == room) {
      rooms.remove(room.id(), current);
      UUID id = room.id();
      claims.release(id, () -> rooms.containsKey(id));
      log.debug("Room {} unloaded", room.id());
    }
  }

}
