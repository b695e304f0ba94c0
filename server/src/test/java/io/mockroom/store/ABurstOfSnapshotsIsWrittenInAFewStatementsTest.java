package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rooms that reach a snapshot version together (a thousand typing in step) must not send
 * Postgres a thousand transactions at once: the writer puts what is queued in few statements
 * (at most {@link SnapshotWriter#MAX_BATCH} rows and about {@link SnapshotWriter#MAX_BATCH_CHARS}
 * characters each).
 * Rows written by one transaction share its id ({@code xmin}), so that is what is counted.
 */
class ABurstOfSnapshotsIsWrittenInAFewStatementsTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void twelveHundredSnapshotsTakeAHandfulOfTransactionsAndAllArrive() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Snapshots");
    JsonNode session = ada.createSession("Burst", "Grace", 1);
    UUID sessionId = UUID.fromString(session.get("id").asText());
    DatabaseUrl url = server.database();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
            .setUser(url.user()).setPassword(url.password()))
        .using(server.vertx()).build();
    try {
      SnapshotWriter writer = new SnapshotWriter(server.vertx(), pool);
      int n = 1200;
      for (int v = 1; v <= n; v++) writer.write(sessionId, "doc-1", v, v, "text at " + v);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long written = 0;
      while (written < n && System.nanoTime() < deadline) {
        written = (Long) Sql.one(url, "select count(*) from document_snapshots where session_id = ?::uuid", sessionId.toString());
        if (written < n) Thread.onSpinWait();
      }
      assertThat(written).isEqualTo(n);
      Long transactions = (Long) Sql.one(url, "select count(distinct xmin::text) from document_snapshots where session_id = ?::uuid",
          sessionId.toString());
      assertThat(transactions).as("transactions for %d snapshots", n).isLessThanOrEqualTo(20);
      assertThat(Sql.one(url, "select text from document_snapshots where session_id = ?::uuid and doc_version = 777",
          sessionId.toString())).isEqualTo("text at 777");
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Long answers: a statement takes at most about MAX_BATCH_CHARS of text, so a burst is spread out. */
  @Test
  void longSnapshotsAreSplitBySize() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Long snapshots");
    JsonNode session = ada.createSession("Long", "Grace", 1);
    UUID sessionId = UUID.fromString(session.get("id").asText());
    DatabaseUrl url = server.database();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
            .setUser(url.user()).setPassword(url.password()))
        .using(server.vertx()).build();
    try {
      SnapshotWriter writer = new SnapshotWriter(server.vertx(), pool);
      int n = 40;
      String text = "x".repeat(20_000);
      for (int v = 1; v <= n; v++) writer.write(sessionId, "doc-1", v, v, text);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long written = 0;
      while (written < n && System.nanoTime() < deadline) {
        written = (Long) Sql.one(url, "select count(*) from document_snapshots where session_id = ?::uuid", sessionId.toString());
        if (written < n) Thread.onSpinWait();
      }
      assertThat(written).isEqualTo(n);
      Long largest = (Long) Sql.one(url, "select max(c) from (select sum(length(text)) c from document_snapshots"
          + " where session_id = ?::uuid group by xmin::text) per_transaction", sessionId.toString());
      assertThat(largest).as("characters in the largest statement")
          .isLessThan((long) SnapshotWriter.MAX_BATCH_CHARS + text.length());
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }
}
