package io.mockroom.store;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stop (SIGTERM, a rolling restart) closes the sockets first, then waits for the event log to
 * write what the rooms had appended, and only then closes the pools: edits that were waiting for
 * their commit when the stop came are in the log afterwards. Here the log's writes wait behind a
 * table lock, one batch in flight and one queued, while the server stops.
 */
class StoppingWritesTheEditsInFlightBeforeThePoolsCloseTest {
  private TestServer server;
  private Vertx clients;
  private String sessionId;
  private String doc;
  private RoomClient staff;
  private CompletableFuture<Void> stopped;

  @BeforeEach
  void aRoomWithAQuestion() {
    server = TestServer.start();
    clients = Vertx.vertx(); // the server's Vert.x closes with it; the client must see that from outside
    Interviewer ada = Interviewer.signUp(server, "Stopping Ltd");
    sessionId = ada.createSession("Stop", "Grace", 1).get("id").asText();
    staff = RoomClient.connect(clients, server.port(), "/ws/rooms/" + sessionId, ada.cookie());
    staff.hello();
    doc = staff.startWithFirstQuestion();
  }

  @AfterEach
  void closeEverything() throws Exception {
    staff.close();
    clients.close();
    if (stopped == null) server.close(); // the test failed before it stopped the server
    else stopped.get(60, TimeUnit.SECONDS);
  }

  @Test
  void editsWaitingForTheirCommitAreWrittenBeforeTheServerStops() throws Exception {
    DatabaseUrl db = server.database();
    int port = server.port();
    try (Connection locker = lockingTheEventLog(db)) {
      staff.send(insert(staff, doc, 0, "ada-1", 0, 0, "x"));
      staff.send(insert(staff, doc, 0, "ada-2", 0, 0, "y"));
      awaitBacklog(2); // one batch waiting on the lock, one queued behind it

      stopped = CompletableFuture.runAsync(() -> server.close());
      assertThat(staff.awaitClosed()).as("the server closed the room's socket").isTrue();
      awaitRefused(port);
      assertThat(stopped).as("the stop waits for the event log").isNotDone();
      locker.rollback();
    }
    stopped.get(60, TimeUnit.SECONDS);
    assertThat(Sql.one(db, "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", sessionId))
        .isEqualTo(2L);
    assertThat(staff.frames()).noneMatch(f -> f.contains("\"type\":\"updates\""));
  }

  @Test
  void aDatabaseThatNeverTakesThemHoldsTheStopOnlyUntilTheLimitAndNothingIsConfirmed() throws Exception {
    DatabaseUrl db = server.database();
    try (Connection locker = lockingTheEventLog(db)) {
      staff.send(insert(staff, doc, 0, "ada-1", 0, 0, "x"));
      awaitBacklog(1);

      stopped = CompletableFuture.runAsync(() -> server.close(Duration.ofSeconds(1)));
      stopped.get(60, TimeUnit.SECONDS); // the lock is still held: only the limit ends the wait
      locker.rollback();
    }
    assertThat(staff.awaitClosed()).isTrue();
    // Never confirmed, so the editor keeps it and sends it again to the next server.
    assertThat(staff.frames()).noneMatch(f -> f.contains("\"type\":\"updates\""));
  }

  /** A transaction that holds the event log's table: inserts into it wait until it ends. */
  private static Connection lockingTheEventLog(DatabaseUrl db) throws SQLException {
    Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("lock table session_events in exclusive mode");
    }
    return c;
  }

  /** Until the event log holds {@code n} events it has not written, as /metrics reports it. */
  private void awaitBacklog(int n) throws InterruptedException {
    String line = "";
    for (long until = System.nanoTime() + 15_000_000_000L; System.nanoTime() < until; Thread.sleep(20)) {
      line = Http.get(server.baseUrl() + "/metrics").body().lines()
          .filter(l -> l.startsWith("mockroom_eventlog_backlog ")).findFirst().orElse("");
      if (line.equals("mockroom_eventlog_backlog " + n + ".0")) return;
    }
    throw new AssertionError("the event log's backlog did not reach " + n + ": " + line);
  }

  /** Until nothing accepts connections on {@code port} any more: the HTTP server is closed. */
  private static void awaitRefused(int port) throws InterruptedException {
    for (long until = System.nanoTime() + 15_000_000_000L; System.nanoTime() < until; Thread.sleep(20)) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (IOException refused) {
        return;
      }
    }
    throw new AssertionError("port " + port + " still accepts connections");
  }
}
