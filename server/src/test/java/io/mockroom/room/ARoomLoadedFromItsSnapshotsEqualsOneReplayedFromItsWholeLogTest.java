package io.mockroom.room;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room that is loaded again (after a restart, or on another node) starts each answer document
 * from a snapshot and replays only the updates after it. It must be the room a replay of the
 * whole log gives — the same text, version and kept history (so pushes and resends made before
 * the reload are still recognised) — and when a snapshot does not fit the log, the log wins.
 */
class ARoomLoadedFromItsSnapshotsEqualsOneReplayedFromItsWholeLogTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static final int UPDATES = 750;
  static String sessionId;
  static String doc;
  static String typed;
  static Pool pool;

  /** One candidate types 750 one-letter updates, ten per push, at positions spread over the text. */
  @BeforeAll
  static void aLongAnswerIsTyped() {
    Interviewer ada = Interviewer.signUp(server, "Snapshots Ltd");
    JsonNode session = ada.createSession("Long answer", "Grace", 1);
    sessionId = session.get("id").asText();
    try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie())) {
      staff.hello();
      doc = staff.startWithFirstQuestion();
      StringBuilder text = new StringBuilder();
      for (int v = 0; v < UPDATES; ) {
        ObjectNode push = staff.json("push").put("doc", doc).put("version", v);
        var updates = push.putArray("updates");
        for (int k = 0; k < 10; k++) {
          int at = (v + k) * 7 % (text.length() + 1);
          String ch = String.valueOf((char) ('a' + (v + k) % 26));
          updates.addObject().put("clientID", "ada-1")
              .set("changes", insert(staff, doc, 0, "ada-1", at, text.length(), ch).get("updates").get(0).get("changes"));
          text.insert(at, ch);
        }
        v += updates.size();
        int expected = v;
        staff.send(push);
        staff.await("updates", u -> u.get("version").asInt() == expected);
      }
      typed = text.toString();
    }
    pool = server.pool(2);
    // Snapshots are written in the background, after their updates' commit: wait for the last.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long due = IntStream.iterate(10, v -> v <= UPDATES, v -> v + 10)
        .filter(v -> SnapshotSchedule.due(UUID.fromString(sessionId), doc, v, 10)).count();
    while (snapshotsWritten() < due && System.nanoTime() < deadline) Thread.onSpinWait();
    assertThat(snapshotsWritten()).isEqualTo(due).isBetween(7L, 8L);
  }

  @AfterAll
  static void closePool() throws Exception {
    pool.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theDocumentStartsFromAnOldEnoughSnapshotAndEndsAsTheWholeLogLeavesIt() throws Exception {
    RoomLoader loader = new RoomLoader(pool);
    SessionInfo info = loader.info(UUID.fromString(sessionId)).await(10, TimeUnit.SECONDS).orElseThrow();
    RoomState whole = loader.fromLog(info, Map.of()).await(10, TimeUnit.SECONDS);
    assertThat(whole.docs.get(doc).doc.text()).isEqualTo(typed);

    Map<String, RoomLoader.Snapshot> snapshots = loader.snapshots(info.id()).await(10, TimeUnit.SECONDS);
    int snapshotVersion = snapshots.get(doc).docVersion();
    // Old enough that the replay after it refills the whole kept history, and no older than that:
    // the newest snapshot at least that far behind the newest one stored (where snapshots fall
    // depends on the room's id).
    int newest = ((Number) Sql.one(server.database(), "select max(doc_version) from document_snapshots where session_id = ?::uuid", sessionId)).intValue();
    assertThat(snapshotVersion).isLessThanOrEqualTo(newest - RoomLoader.REPLAYED).isGreaterThan(newest - RoomLoader.REPLAYED - 100);
    assertThat(UPDATES - snapshotVersion).as("updates replayed").isGreaterThanOrEqualTo(RoomLoader.REPLAYED);

    RoomState fromSnapshot = loader.fromLog(info, snapshots).await(10, TimeUnit.SECONDS);
    assertSameRoom(fromSnapshot, whole);
    RoomState loaded = loader.state(info).await(10, TimeUnit.SECONDS);
    assertSameRoom(loaded, whole);
    assertThat(loaded.fromSnapshots).isEqualTo(Map.of(doc, snapshotVersion));
  }

  @Test
  void aSnapshotThatDoesNotFitTheLogIsPassedOverForTheWholeLog() throws Exception {
    RoomLoader loader = new RoomLoader(pool);
    SessionInfo info = loader.info(UUID.fromString(sessionId)).await(10, TimeUnit.SECONDS).orElseThrow();
    RoomState whole = loader.fromLog(info, Map.of()).await(10, TimeUnit.SECONDS);
    Map<String, RoomLoader.Snapshot> snapshots = loader.snapshots(info.id()).await(10, TimeUnit.SECONDS);
    RoomLoader.Snapshot good = snapshots.get(doc);
    try {
      Sql.execute(server.database(), "update document_snapshots set text = text || '?' where session_id = ?::uuid and doc_version = ?",
          sessionId, good.docVersion());

      Map<String, RoomLoader.Snapshot> bad = loader.snapshots(info.id()).await(10, TimeUnit.SECONDS);
      assertThat(bad.get(doc).text()).isEqualTo(good.text() + "?");
      assertThat(loader.fromLog(info, bad).otherwiseEmpty().await(10, TimeUnit.SECONDS)).as("a room from the bad snapshot").isNull();
      RoomState loaded = loader.state(info).await(10, TimeUnit.SECONDS);
      assertSameRoom(loaded, whole);
      assertThat(loaded.fromSnapshots).isEmpty();
    } finally {
      Sql.execute(server.database(), "update document_snapshots set text = ? where session_id = ?::uuid and doc_version = ?",
          good.text(), sessionId, good.docVersion());
    }
  }

  @Test
  void aSnapshotWhoseVersionIsNotTheNumberOfLoggedUpdatesIsNotUsed() throws Exception {
    RoomLoader loader = new RoomLoader(pool);
    SessionInfo info = loader.info(UUID.fromString(sessionId)).await(10, TimeUnit.SECONDS).orElseThrow();
    RoomState whole = loader.fromLog(info, Map.of()).await(10, TimeUnit.SECONDS);
    int version = loader.snapshots(info.id()).await(10, TimeUnit.SECONDS).get(doc).docVersion();
    try {
      // Same text, same log position, one version off: it would load without a complaint.
      Sql.execute(server.database(), "update document_snapshots set doc_version = doc_version - 1 where session_id = ?::uuid and doc_version = ?",
          sessionId, version);
      assertThat(loader.snapshots(info.id()).await(10, TimeUnit.SECONDS)).isEmpty();
      RoomState loaded = loader.state(info).await(10, TimeUnit.SECONDS);
      assertSameRoom(loaded, whole);
      assertThat(loaded.fromSnapshots).isEmpty();
    } finally {
      Sql.execute(server.database(), "update document_snapshots set doc_version = ? where session_id = ?::uuid and doc_version = ?",
          version, sessionId, version - 1);
    }
  }

  private static void assertSameRoom(RoomState actual, RoomState expected) {
    DocState a = actual.docs.get(doc);
    DocState e = expected.docs.get(doc);
    assertThat(a.doc.text()).isEqualTo(e.doc.text());
    assertThat(a.doc.version()).isEqualTo(e.doc.version()).isEqualTo(UPDATES);
    assertThat(a.committedVersion()).isEqualTo(e.committedVersion());
    assertThat(a.committedText()).isEqualTo(e.committedText());
    int oldestKept = UPDATES - RoomState.DOC_HISTORY;
    assertThat(a.doc.oldestVersion()).isEqualTo(e.doc.oldestVersion()).isEqualTo(oldestKept);
    assertThat(a.committedSince(oldestKept)).isEqualTo(e.committedSince(oldestKept));
    assertThat(a.committedSince(oldestKept).orElseThrow()).hasSize(RoomState.DOC_HISTORY);
    assertThat(actual.seq).isEqualTo(expected.seq);
    assertThat(actual.pushed.keySet()).isEqualTo(expected.pushed.keySet());
    assertThat(actual.participants.keySet()).isEqualTo(expected.participants.keySet());
  }

  private static long snapshotsWritten() {
    return (Long) Sql.one(server.database(), "select count(*) from document_snapshots where session_id = ?::uuid", sessionId);
  }
}
