package io.mockroom.match;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.UUID;

/**
 * Word that an organisation's practice lobby changed (a request came, moved, went, or was paired),
 * published on the event bus so that a look held open on any node of a cluster answers at once
 * instead of at its next poll. It carries no state: whoever hears it reads the lobby again.
 */
final class LobbyChanges {
  private static final String ADDRESS = "mockroom.practice.changed.";

  private final Vertx vertx;

  LobbyChanges(Vertx vertx) {
    this.vertx = vertx;
  }

  void announce(UUID organisationId) {
    vertx.eventBus().publish(ADDRESS + organisationId, null);
  }

  /**
   * Starts listening; the future completes once the subscription is in place (cluster-wide), so a
   * change announced after that is heard even if it comes before {@link Listener#next} is called.
   */
  Future<Listener> listen(UUID organisationId) {
    Listener listener = new Listener();
    listener.consumer = vertx.eventBus().consumer(ADDRESS + organisationId, m -> listener.changed());
    return listener.consumer.completion().map(listener);
  }

  /** Runs on the context that created it (the request's event loop): its fields need no locking. */
  final class Listener {
    private MessageConsumer<Object> consumer;
    private boolean heard;
    private Promise<Boolean> waiting;
    private long timer = -1;

    /** True when a change was announced since the last call (at once if one already was), false after {@code maxMillis} without one. */
    Future<Boolean> next(long maxMillis) {
      if (heard) {
        heard = false;
        return Future.succeededFuture(true);
      }
      waiting = Promise.promise();
      timer = vertx.setTimer(Math.max(1, maxMillis), t -> settle(false));
      return waiting.future();
    }

    private void changed() {
      if (waiting == null) heard = true;
      else settle(true);
    }

    private void settle(boolean changed) {
      Promise<Boolean> p = waiting;
      waiting = null;
      vertx.cancelTimer(timer);
      if (p != null) p.complete(changed);
    }

    void close() {
      consumer.unregister();
      settle(false);
    }
  }
}
