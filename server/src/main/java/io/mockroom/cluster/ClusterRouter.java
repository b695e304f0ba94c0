package io.mockroom.cluster;

import io.mockroom.room.ClientMessage;
import io.mockroom.room.Connection;
import io.mockroom.room.EncodedMessage;
import io.mockroom.room.LocalRoomHandle;
import io.mockroom.room.Principal;
import io.mockroom.room.ProtocolError;
import io.mockroom.room.Role;
import io.mockroom.room.RoomHandle;
import io.mockroom.room.RoomRegistry;
import io.mockroom.room.RoomRouter;
import io.mockroom.room.ServerMessage;
import io.mockroom.ws.ClientFrames;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sockets and rooms across nodes. Any node accepts a socket; at its hello the room's owner is
 * located ({@link RoomOwners}); when that is this node the socket talks to the room directly,
 * otherwise through two event-bus addresses per node:
 * <ul>
 *   <li>{@code mockroom.node.<id>.rooms} — at the owner: {@code join} (request, answered
 *       {@code joined} / {@code moved} / an error), then {@code msg} (the client's frame as sent),
 *       {@code close} (close the socket after its replies) and {@code gone}, keyed by the gateway
 *       node and its socket id;</li>
 *   <li>{@code mockroom.node.<id>.sockets} — at the gateway: {@code send} (an encoded server
 *       frame) and {@code close} for one of its sockets.</li>
 * </ul>
 * When a node leaves, each gateway closes its sockets into that node's rooms with 1012 (the
 * clients reconnect, are routed to the new owner and resend what was not confirmed), and each
 * owner disconnects the participants that node held.
 */
public final class ClusterRouter implements RoomRouter {
  private static final Logger log = LoggerFactory.getLogger(ClusterRouter.class);
  static final long JOIN_TIMEOUT_MS = 10_000;

  private final ClusterNode node;
  private final RoomOwners owners;
  private final RoomRegistry registry;
  private final EventBus bus;
  /** Gateway side: this node's sockets joined to rooms of other nodes, by socket id. */
  private final Map<String, Linked> linked = new ConcurrentHashMap<>();
  /** Owner side: participants held by other nodes, by gateway node + socket id. */
  private final Map<String, Remote> remotes = new ConcurrentHashMap<>();

  private record Linked(Connection socket, String owner) {}

  private record Remote(RemoteConnection connection, RoomHandle room) {}

  private ClusterRouter(ClusterNode node, RoomOwners owners, RoomRegistry registry) {
    this.node = node;
    this.owners = owners;
    this.registry = registry;
    this.bus = node.vertx().eventBus();
  }

  /** Registers this node's two addresses; the router is ready when the cluster knows them. */
  public static Future<ClusterRouter> start(ClusterNode node, RoomOwners owners, RoomRegistry registry) {
    ClusterRouter router = new ClusterRouter(node, owners, registry);
    node.onMemberLeft(router::memberLeft);
    Future<Void> rooms = router.bus.<Object>consumer(roomsAddress(node.nodeId()), router::atOwner).completion();
    Future<Void> sockets = router.bus.<String>consumer(socketsAddress(node.nodeId()), router::atGateway).completion();
    return Future.all(rooms, sockets).map(v -> router);
  }

  static String roomsAddress(String node) {
    return "mockroom.node." + node + ".rooms";
  }

  static String socketsAddress(String node) {
    return "mockroom.node." + node + ".sockets";
  }

  @Override
  public Future<Optional<RoomHandle>> open(UUID sessionId) {
    return owners.locate(sessionId).compose(owner -> owner.equals(node.nodeId())
        ? LocalRoomHandle.router(registry).open(sessionId)
        : Future.succeededFuture(Optional.of(new RemoteRoom(sessionId, owner))));
  }

  // ---- gateway side ----

  /** A room on another node, for one socket of this node. */
  private final class RemoteRoom implements RoomHandle {
    private final UUID room;
    private final String owner;

    RemoteRoom(UUID room, String owner) {
      this.room = room;
      this.owner = owner;
    }

    @Override
    public UUID id() {
      return room;
    }

    @Override
    public Future<Boolean> join(Connection conn, Principal principal, ClientMessage.Hello hello, String helloText) {
      linked.put(conn.id(), new Linked(conn, owner));
      JsonObject body = new JsonObject().put("principal", principalJson(principal)).put("hello", helloText);
      return bus.<String>request(roomsAddress(owner), body, headers("join", conn).setSendTimeout(JOIN_TIMEOUT_MS))
          .map(Message::body)
          .recover(e -> {
            log.info("Room {}: owner node {} did not take a join ({}); the client will reconnect", room, owner, e.getMessage());
            return Future.succeededFuture("moved");
          })
          .compose(answer -> {
            if (answer.equals("joined")) return Future.succeededFuture(true);
            linked.remove(conn.id());
            if (answer.equals("moved")) return Future.succeededFuture(false);
            JsonObject error = new JsonObject(answer);
            return Future.failedFuture(new ProtocolError(error.getString("code"), error.getString("message")));
          });
    }

    @Override
    public void handle(Connection conn, ClientMessage message, String text) {
      bus.send(roomsAddress(owner), text, headers("msg", conn));
    }

    /** After its {@code msg}s on the same address, so the owner handles them first. */
    @Override
    public void closeAfterReplies(Connection conn, short code, String reason) {
      bus.send(roomsAddress(owner), reason, headers("close", conn).addHeader("code", String.valueOf(code)));
    }

    @Override
    public void disconnected(Connection conn) {
      if (linked.remove(conn.id()) != null) bus.send(roomsAddress(owner), "", headers("gone", conn));
    }

    private DeliveryOptions headers(String op, Connection conn) {
      return new DeliveryOptions().addHeader("op", op).addHeader("room", room.toString())
          .addHeader("socket", conn.id()).addHeader("from", node.nodeId());
    }
  }

  private void atGateway(Message<String> m) {
    Linked l = linked.get(m.headers().get("socket"));
    if (l == null) return; // closed meanwhile
    if ("close".equals(m.headers().get("op"))) {
      linked.remove(m.headers().get("socket"));
      l.socket().close(Short.parseShort(m.headers().get("code")), m.body());
    } else {
      l.socket().sendEncoded(EncodedMessage.of(m.body()));
    }
  }

  // ---- owner side ----

  private void atOwner(Message<Object> m) {
    String op = m.headers().get("op");
    String gateway = m.headers().get("from");
    String socket = m.headers().get("socket");
    String key = gateway + "/" + socket;
    switch (op) {
      case "join" -> join(m, UUID.fromString(m.headers().get("room")), gateway, socket, key);
      case "msg" -> {
        Remote r = remotes.get(key);
        if (r == null) return; // its join was refused, or the room moved: the gateway is closing it
        ClientMessage message;
        try {
          message = ClientFrames.decode((String) m.body());
        } catch (ProtocolError e) {
          r.connection().send(ServerMessage.Error.of(e));
          return;
        }
        r.room().handle(r.connection(), message, (String) m.body());
      }
      case "close" -> {
        // The room closes it through its RemoteConnection: after the frames it sent before.
        Remote r = remotes.get(key);
        if (r != null) r.room().closeAfterReplies(r.connection(), Short.parseShort(m.headers().get("code")), (String) m.body());
      }
      case "gone" -> {
        Remote r = remotes.remove(key);
        if (r != null) {
          r.connection().markClosed();
          r.room().disconnected(r.connection());
        }
      }
      default -> log.warn("Unknown cluster message op {}", op);
    }
  }

  private void join(Message<Object> m, UUID room, String gateway, String socket, String key) {
    JsonObject body = (JsonObject) m.body();
    String helloText = body.getString("hello");
    ClientMessage.Hello hello = (ClientMessage.Hello) ClientFrames.decode(helloText); // checked by the gateway
    Principal principal = principal(body.getJsonObject("principal"));
    RemoteConnection conn = new RemoteConnection(bus, gateway, socket);
    owners.locate(room)
        .compose(owner -> owner.equals(node.nodeId())
            ? LocalRoomHandle.router(registry).open(room)
            : Future.succeededFuture(Optional.<RoomHandle>empty()))
        .compose(handle -> {
          if (handle.isEmpty()) return Future.succeededFuture("moved");
          remotes.put(key, new Remote(conn, handle.get()));
          return handle.get().join(conn, principal, hello, helloText).map(joined -> {
            if (!joined) remotes.remove(key);
            return joined ? "joined" : "moved";
          });
        })
        .onSuccess(m::reply)
        .onFailure(e -> {
          remotes.remove(key);
          if (e instanceof ProtocolError pe) {
            m.reply(new JsonObject().put("code", pe.code()).put("message", pe.getMessage()).encode());
          } else {
            log.warn("Room {}: a join from node {} failed: {}", room, gateway, e.getMessage());
            m.reply("moved");
          }
        });
  }

  private void memberLeft(String departed) {
    // Our sockets in its rooms: the clients reconnect and reach the room's new owner.
    linked.entrySet().removeIf(e -> {
      if (!e.getValue().owner().equals(departed)) return false;
      e.getValue().socket().close((short) 1012, "room moved");
      return true;
    });
    // Its sockets in our rooms: those participants are gone from here.
    remotes.entrySet().removeIf(e -> {
      if (!e.getValue().connection().gateway().equals(departed)) return false;
      e.getValue().connection().markClosed();
      e.getValue().room().disconnected(e.getValue().connection());
      return true;
    });
  }

  private static JsonObject principalJson(Principal p) {
    if (p instanceof Principal.Staff s) {
      return new JsonObject().put("kind", "staff").put("accountId", s.accountId().toString())
          .put("name", s.name()).put("role", s.role().wire());
    }
    return new JsonObject().put("kind", "candidate");
  }

  private static Principal principal(JsonObject json) {
    if ("staff".equals(json.getString("kind"))) {
      return new Principal.Staff(UUID.fromString(json.getString("accountId")), json.getString("name"),
          Role.valueOf(json.getString("role").toUpperCase(java.util.Locale.ROOT)));
    }
    return new Principal.Candidate();
  }
}
