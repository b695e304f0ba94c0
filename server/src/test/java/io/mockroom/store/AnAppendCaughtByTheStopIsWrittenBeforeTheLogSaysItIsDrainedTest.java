package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.metrics.ServerMetrics;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An append that passed the event log's "closing?" check on a room's thread just as the server
 * stopped is still queued after the check. The log must count it in before it says it is
 * drained — otherwise the server closes its pools with that event unwritten, and it is written
 * (or retried forever) into a closed pool. Here the append is held between its check and its
 * queueing, while the log closes, by a list of events whose element cannot be read until the
 * test lets it.
 */
class AnAppendCaughtByTheStopIsWrittenBeforeTheLogSaysItIsDrainedTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theLogWaitsForTheAppendAndWritesItBeforeItIsDrained() throws Exception {
    Pool pool = server.pool(2);
    try {
      appendAsTheLogCloses(pool);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void appendAsTheLogCloses(Pool pool) throws Exception {
    UUID sessionId = UUID.fromString(Interviewer.signUp(server, "Race Ltd").createSession("Race", "Grace", 1).get("id").asText());
    LogEntry entry = new LogEntry(sessionId, 1_000_000, "note", null, "{\"text\":\"typed as the server stopped\"}");
    // The log's own context is the one it was made on: tasks queued there after close() run after close's check.
    Context context = server.vertx().getOrCreateContext();
    EventLog log = onContext(context, () -> new EventLog(server.vertx(), pool, new ServerMetrics()));

    CountDownLatch pastTheCheck = new CountDownLatch(1);
    CountDownLatch letItQueue = new CountDownLatch(1);
    List<LogEntry> held = new AbstractList<>() {
      @Override
      public LogEntry get(int i) {
        pastTheCheck.countDown();
        try {
          letItQueue.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return entry;
      }

      @Override
      public int size() {
        return 1;
      }
    };
    CompletableFuture<Future<Void>> appended = CompletableFuture.supplyAsync(() -> log.append(held));
    assertThat(pastTheCheck.await(10, TimeUnit.SECONDS)).isTrue();

    Future<Void> drained = log.close(Duration.ofSeconds(30), pool);
    onContext(context, () -> null); // close's first look at the queue has run
    assertThat(drained.isComplete()).as("drained while an append was on its way into the queue").isFalse();

    letItQueue.countDown();
    appended.get(10, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    drained.await(10, TimeUnit.SECONDS);
    assertThat(Sql.one(server.database(), "select count(*) from session_events where session_id = ?::uuid and version = 1000000",
        sessionId.toString())).isEqualTo(1L);
    assertThat(log.append(entry).cause()).isInstanceOf(EventLog.ClosedException.class);
  }

  private static <T> T onContext(Context context, java.util.function.Supplier<T> what) throws Exception {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> done.complete(what.get()));
    return done.future().await(10, TimeUnit.SECONDS);
  }
}
