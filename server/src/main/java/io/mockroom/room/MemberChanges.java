package io.mockroom.room;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.UUID;

/**
 * Word that an account's membership of a session was set to a role, published on the event bus
 * so that the room, on whichever node owns it, stops serving that account's open sockets under
 * its former role ({@link Room#memberChanged}). The membership table stays the truth: a socket
 * that rejoins gets its role from the handshake.
 */
public final class MemberChanges {
  private static final String ADDRESS = "mockroom.rooms.member-changed";

  /** What travels: the session, the account, and its role now. */
  public record Change(UUID sessionId, UUID accountId, Role role) {
    JsonObject json() {
      return new JsonObject().put("sessionId", sessionId.toString()).put("accountId", accountId.toString()).put("role", role.wire());
    }

    static Change of(JsonObject json) {
      return new Change(UUID.fromString(json.getString("sessionId")), UUID.fromString(json.getString("accountId")),
          Role.valueOf(json.getString("role").toUpperCase(Locale.ROOT)));
    }
  }

  private final Vertx vertx;

  public MemberChanges(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Tells every node (a cluster's too); called once the membership is written. */
  public void announce(UUID sessionId, UUID accountId, String role) {
    vertx.eventBus().publish(ADDRESS, new Change(sessionId, accountId, Role.valueOf(role.toUpperCase(Locale.ROOT))).json());
  }

  static MessageConsumer<JsonObject> listen(Vertx vertx, java.util.function.Consumer<Change> changed) {
    return vertx.eventBus().consumer(ADDRESS, m -> changed.accept(Change.of(m.body())));
  }
}
