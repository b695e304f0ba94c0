package io.mockroom.cluster;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.mockroom.metrics.ServerMetrics;
import io.mockroom.room.RoomRegistry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node runs each live room. Two records, with different jobs:
 * <ul>
 *   <li>the cluster map {@code mockroom.room-owners} (room → node id) routes sockets: the first
 *       node asked for a room with no live owner claims it there ({@code putIfAbsent}, or
 *       {@code replace} of an owner that left the cluster);</li>
 *   <li>the {@code room_owners} row in Postgres fences writes: loading the room bumps its epoch,
 *       and the event log writes only under the current epoch. The map can briefly disagree
 *       (a paused owner that comes back); the epoch cannot, so at most one node ever writes.</li>
 * </ul>
 * Map calls are blocking Hazelcast calls and run on worker threads; they happen once per socket
 * hello and per room load, never per edit.
 */
public final class RoomOwners implements RoomRegistry.Claims {
  private static final Logger log = LoggerFactory.getLogger(RoomOwners.class);
  static final String MAP = "mockroom.room-owners";

  private final ClusterNode node;
  private final Pool pool;
  private final ServerMetrics metrics;
  private final IMap<String, String> owners;

  /** Thrown by a claim when another live node owns the room: the socket reconnects and is routed there. */
  public static final class OwnedElsewhere extends RuntimeException {
    OwnedElsewhere(UUID room, String owner) {
      super("Room " + room + " is owned by node " + owner, null, false, false);
    }
  }

  public RoomOwners(ClusterNode node, Pool pool, ServerMetrics metrics) {
    this.node = node;
    this.pool = pool;
    this.metrics = metrics;
    this.owners = node.hazelcast().getMap(MAP);
    node.onMemberLeft(this::forget);
  }

  /** The node that owns the room now, claiming it for this node when no live node does. */
  public Future<String> locate(UUID room) {
    String me = node.nodeId();
    return node.vertx().executeBlocking(() -> {
      String key = room.toString();
      for (int attempt = 0; attempt < 5; attempt++) {
        String owner = owners.get(key);
        if (owner == null) {
          owner = owners.putIfAbsent(key, me);
          if (owner == null) return me;
        }
        if (owner.equals(me) || node.members().contains(owner)) return owner;
        if (owners.replace(key, owner, me)) return me; // its owner left; claim() counts the move
      }
      throw new IllegalStateException("Room " + room + ": ownership kept changing; try again");
    }, false);
  }

  /**
   * Loading the room on this node: makes sure the map says so, then takes a new epoch in
   * Postgres. After this commits, the previous owner's writes are refused.
   */
  @Override
  public Future<Long> claim(UUID room) {
    return locate(room).compose(owner -> {
      if (!owner.equals(node.nodeId())) return Future.failedFuture(new OwnedElsewhere(room, owner));
      // The previous owner, read in the same statement: a takeover is a claim from a node that left
      // (whose map entries the member-left handler has usually cleared already, so the map cannot tell).
      return pool.preparedQuery("""
              with previous as (select node from room_owners where session_id = $1)
              insert into room_owners (session_id, epoch, node) values ($1, 1, $2)
              on conflict (session_id) do update
                 set epoch = room_owners.epoch + 1, node = excluded.node, claimed_at = now()
              returning epoch, (select node from previous) as previous""")
          .execute(Tuple.of(room, node.nodeId()))
          .map(rows -> {
            Row r = rows.iterator().next();
            metrics.roomClaims.increment();
            String previous = r.getString("previous");
            if (previous != null && !previous.equals(node.nodeId()) && !node.members().contains(previous)) {
              log.info("Room {}: taking over from node {}, which left the cluster", room, previous);
              metrics.ownershipMoves.increment();
            }
            return r.getLong("epoch");
          });
    });
  }

  /** The room was unloaded here: the next socket may claim it anywhere (unless it came back here meanwhile). */
  @Override
  public void release(UUID room, java.util.function.BooleanSupplier loadedAgain) {
    String me = node.nodeId();
    node.vertx().executeBlocking(() -> !loadedAgain.getAsBoolean() && owners.remove(room.toString(), me), false)
        .onFailure(e -> log.debug("Room {}: ownership not released: {}", room, e.getMessage()));
  }

  /** A node left: its rooms have no owner until someone asks for them. */
  private void forget(String departed) {
    node.vertx().executeBlocking(() -> {
      owners.removeAll(Predicates.equal("this", departed));
      return null;
    }, false).onFailure(e -> log.debug("Rooms of node {} not cleared from the map: {}", departed, e.getMessage()));
  }
}
