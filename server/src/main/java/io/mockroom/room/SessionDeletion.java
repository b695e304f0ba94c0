package io.mockroom.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a session (an interviewer's {@code DELETE /api/sessions/{id}}): its rows, and its live
 * room on whichever node runs it.
 *
 * <p>The order is what keeps a deleted session deleted. {@code session_events} has no foreign key
 * (V4), so an event inserted after the delete would bring rows of the session back, and nothing
 * would ever remove them. So:
 * <ol>
 *   <li>On this node, the room is stopped first ({@link RoomRegistry#stopForDelete}): it appends
 *       nothing more and the delete waits for its last append to be committed; meanwhile no room of
 *       the session is loaded or joined here. Alone (no cluster), this node runs every room, so
 *       after this step nothing can write the session's events any more.</li>
 *   <li>The rows are deleted in one transaction ({@link SessionStore#delete}), starting with the
 *       room's {@code room_owners} row. In a cluster, where the room may run on another node, the
 *       event log inserts only under a share lock on that row: the delete waits for inserts in
 *       flight, deletes their events with the others, and any later insert finds no owner row and
 *       is fenced out (its room gives up). A load elsewhere that claims the room after the delete
 *       fails on the missing session.</li>
 *   <li>Every node is told (event bus): the room, wherever it is, closes every socket with
 *       {@link Room#DELETED} ("session deleted"). New handshakes are refused as for an unknown
 *       session or link, since there is none.</li>
 * </ol>
 * A lock taken by every insert of the log (as the foreign key did) would also do, but costs the
 * hot path (one insert per keystroke) for an operation that is rare; stopping the room costs only
 * the delete. If the delete fails, the stopped room's sockets are closed as for a reload and
 * reconnect to the room loaded afresh, resending what was not confirmed.
 */
public final class SessionDeletion {
  private static final Logger log = LoggerFactory.getLogger(SessionDeletion.class);
  private static final String ADDRESS = "mockroom.rooms.session-deleted";

  private final Vertx vertx;
  private final SessionStore sessions;
  private final RoomRegistry registry;

  public SessionDeletion(Vertx vertx, SessionStore sessions, RoomRegistry registry) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.registry = registry;
  }

  /** Deletes the organisation's session and everything about it; false when there is no such session. */
  public Future<Boolean> delete(UUID organisationId, UUID sessionId) {
    return registry.stopForDelete(sessionId)
        .compose(v -> sessions.delete(organisationId, sessionId))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result()) {
            log.info("Session {} deleted with everything about it", sessionId);
            vertx.eventBus().publish(ADDRESS, sessionId.toString());
          } else {
            registry.notDeleted(sessionId);
          }
        });
  }

  /**
   * Deletes several sessions of the organisation at once, all or none (a candidate's erasure): as
   * {@link #delete}, each room stopped first, then one transaction for all their rows. The number
   * deleted; fails with {@link SessionStore.NotInterviewerOfAll} when {@code by} is not an
   * interviewer of every one when they are deleted.
   */
  public Future<Integer> deleteAll(io.mockroom.auth.Account by, java.util.List<UUID> sessionIds) {
    java.util.List<Future<Void>> stops = sessionIds.stream().map(registry::stopForDelete).toList();
    return Future.join(stops)
        .compose(v -> sessions.deleteAll(by, sessionIds))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            log.info("{} sessions of one candidate deleted with everything about them", ar.result());
            // A session someone else deleted meanwhile is announced twice: closing a closed room does nothing.
            sessionIds.forEach(id -> vertx.eventBus().publish(ADDRESS, id.toString()));
          } else {
            sessionIds.forEach(registry::notDeleted);
          }
        });
  }

  static MessageConsumer<String> listen(Vertx vertx, Consumer<UUID> deleted) {
    return vertx.eventBus().consumer(ADDRESS, m -> deleted.accept(UUID.fromString(m.body())));
  }
}
