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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every keystroke waits for the event log's commit. The log has a Postgres connection of its own,
 * so an API whose every connection is taken — here by session lists held up behind a lock, as a
 * slow export or a migration's lock would hold them — does not hold up an edit; and the held-up
 * requests are answered once the lock goes.
 */
class AnEditIsCommittedWhileEveryApiConnectionIsBusyTest {
  /** The tests' pool size (Config.forTests). */
  private static final int API_CONNECTIONS = 4;

  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void theEditIsConfirmedWhileTheApiWaitsAndTheApiIsAnsweredAfterwards() throws Exception {
    Interviewer ada = Interviewer.signUp(server, "Busy Pools");
    JsonNode session = ada.createSession("Busy", "Grace", 1);
    String sessionId = session.get("id").asText();
    DatabaseUrl db = server.database();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      String doc = staff.startWithFirstQuestion();

      List<CompletableFuture<Http.Reply>> lists = new ArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(API_CONNECTIONS + 1);
      try (Connection locker = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
           Statement st = locker.createStatement()) {
        locker.setAutoCommit(false);
        st.execute("lock table sessions in access exclusive mode");
        for (int i = 0; i <= API_CONNECTIONS; i++) {
          lists.add(CompletableFuture.supplyAsync(() -> Http.get(server.baseUrl() + "/api/sessions", ada.cookie()), clients));
        }
        awaitApiConnectionsWaitingOnTheLock(db);

        staff.send(insert(staff, doc, 0, "ada-1", 0, 0, "x"));
        JsonNode confirmed = staff.await("updates", u -> u.get("version").asInt() == 1);
        assertThat(confirmed.get("updates").get(0).get("clientID").asText()).isEqualTo("ada-1");
        assertThat(lists).noneMatch(CompletableFuture::isDone);
        locker.rollback();
      }
      for (CompletableFuture<Http.Reply> list : lists) {
        Http.Reply reply = list.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains(sessionId);
      }
      clients.shutdown();
      assertThat(Sql.one(db, "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", sessionId))
          .isEqualTo(1L);
    }
  }

  /** Until every API connection is in a query that waits for the lock on sessions. */
  private static void awaitApiConnectionsWaitingOnTheLock(DatabaseUrl db) throws InterruptedException {
    long waiting = 0;
    for (long until = System.nanoTime() + 15_000_000_000L; System.nanoTime() < until; Thread.sleep(20)) {
      waiting = (Long) Sql.one(db, "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      if (waiting == API_CONNECTIONS) return;
    }
    throw new AssertionError("API connections waiting on the lock: " + waiting + " of " + API_CONNECTIONS);
  }
}
