package io.mockroom.room;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;

/**
 * A room on this node, for one socket. Everything goes through the room's FIFO, so messages after
 * the hello run after the join. If the room object was unloaded just before the join (its last
 * participant left), the registry is asked for the live one, a few times.
 */
public final class LocalRoomHandle implements RoomHandle {
  private static final int ATTEMPTS = 3;

  private final RoomRegistry registry;
  private volatile Room room;

  public LocalRoomHandle(RoomRegistry registry, Room room) {
    this.registry = registry;
    this.room = room;
  }

  /** Every room on this node: the router of a single server. */
  public static RoomRouter router(RoomRegistry registry) {
    return id -> registry.room(id).map(r -> r.map(room -> new LocalRoomHandle(registry, room)));
  }

  @Override
  public UUID id() {
    return room.id();
  }

  @Override
  public Future<Boolean> join(Connection conn, Principal principal, ClientMessage.Hello hello, String helloText) {
    return join(room, conn, principal, hello, ATTEMPTS);
  }

  private Future<Boolean> join(Room r, Connection conn, Principal principal, ClientMessage.Hello hello, int attempts) {
    io.vertx.core.Promise<Boolean> joined = io.vertx.core.Promise.promise();
    r.execute(() -> {
      Future<Boolean> f;
      try {
        f = r.join(conn, principal, hello);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(joined);
      return f;
    });
    return joined.future().compose(ok -> {
      if (ok) return Future.succeededFuture(true);
      if (attempts <= 1) return Future.succeededFuture(false);
      return registry.room(r.id()).compose((Optional<Room> fresh) -> {
        if (fresh.isEmpty()) return Future.succeededFuture(false);
        room = fresh.get();
        return join(fresh.get(), conn, principal, hello, attempts - 1);
      });
    });
  }

  @Override
  public void handle(Connection conn, ClientMessage message, String text) {
    Room r = room;
    r.execute(() -> r.handle(conn, message));
  }

  @Override
  public void closeAfterReplies(Connection conn, short code, String reason) {
    Room r = room;
    r.execute(() -> r.closeAfterReplies(conn, code, reason));
  }

  @Override
  public void disconnected(Connection conn) {
    Room r = room;
    r.execute(() -> r.disconnected(conn));
  }
}
