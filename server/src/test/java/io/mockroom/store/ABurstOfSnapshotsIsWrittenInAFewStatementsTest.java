package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

  static Pool pool;

  @BeforeAll
  static void openPool() {
    pool = server.pool(2);
  }

  @AfterAll
  static void closePool() throws Exception {
    pool.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void twelveHundredSnapshotsTakeAHandfulOfTransactionsAndAllArrive() {
    int n = 1200;
    String sessionId = writeAllAtOnce("Burst", n, v -> "text at " + v);
    Long transactions = (Long) Sql.one(server.database(), "select count(distinct xmin::text) from document_snapshots where session_id = ?::uuid",
        sessionId);
    assertThat(transactions).as("transactions for %d snapshots", n).isLessThanOrEqualTo(20);
    assertThat(Sql.one(server.database(), "select text from document_snapshots where session_id = ?::uuid and doc_version = 777",
        sessionId)).isEqualTo("text at 777");
  }

  /** Long answers: a statement takes at most about MAX_BATCH_CHARS of text, so a burst is spread out. */
  @Test
  void longSnapshotsAreSplitBySize() {
    String text = "x".repeat(20_000);
    String sessionId = writeAllAtOnce("Long", 40, v -> text);
    Long largest = (Long) Sql.one(server.database(), "select max(c) from (select sum(length(text)) c from document_snapshots"
        + " where session_id = ?::uuid group by xmin::text) per_transaction", sessionId);
    assertThat(largest).as("characters in the largest statement")
        .isLessThan((long) SnapshotWriter.MAX_BATCH_CHARS + text.length());
  }

  /** Queues {@code n} snapshots of a new session's document at once and waits until all are stored; returns the session id. */
  private static String writeAllAtOnce(String title, int n, IntFunction<String> textAt) {
    Interviewer ada = Interviewer.signUp(server, title + " Ltd");
    JsonNode session = ada.createSession(title, "Grace", 1);
    UUID sessionId = UUID.fromString(session.get("id").asText());
    SnapshotWriter writer = new SnapshotWriter(server.vertx(), pool);
    for (int v = 1; v <= n; v++) writer.write(sessionId, "doc-1", v, v, textAt.apply(v));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long written = 0;
    while (written < n && System.nanoTime() < deadline) {
      written = (Long) Sql.one(server.database(), "select count(*) from document_snapshots where session_id = ?::uuid", sessionId.toString());
      if (written < n) Thread.onSpinWait();
    }
    assertThat(written).isEqualTo(n);
    return sessionId.toString();
  }
}
