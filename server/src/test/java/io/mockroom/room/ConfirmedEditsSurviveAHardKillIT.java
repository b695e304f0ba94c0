package io.mockroom.room;

import static io.mockroom.room.AWholeSessionOverTheLiveProtocolTest.insert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.JarProcess;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Candidates in several rooms type while the server process is killed with SIGKILL. After a
 * restart on the same data, each room's stored log is gap-free and holds every edit that was
 * confirmed before the kill, in order; the clients reconnect, resend what was not confirmed, and
 * end with exactly the text the store has. Each room types past several snapshots (one every 100
 * versions, at a phase of each document's own), so the restarted server loads its documents from
 * a snapshot and replays only the updates after it — and must still recognise a resend made
 * before the kill.
 */
class ConfirmedEditsSurviveAHardKillIT {
  static final int ROOMS = 4;
  /** Four or five snapshots: the room loads from one of its first two and replays over 256 updates. */
  static final int TYPED = 450;

  /** One typist: pushes one character at a time, each after the previous one was confirmed. */
  static final class Typist {
    final String doc;
    final String token;
    final String clientId;
    String participantId;
    final StringBuilder confirmed = new StringBuilder();
    int version;
    String pending; // sent, not yet confirmed

    Typist(String doc, String token, String clientId) {
      this.doc = doc;
      this.token = token;
      this.clientId = clientId;
    }
  }

  @Test
  void everyConfirmedEditIsThereAfterAKillAndResendsApplyOnce() throws Exception {
    Path data = Files.createTempDirectory("mockroom-kill");
    Vertx vertx = Vertx.vertx();
    List<Typist> typists = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    JarProcess first = JarProcess.start(data);
    List<RoomClient> sockets = new ArrayList<>();
    try {
      Interviewer ada = Interviewer.signUp(first.baseUrl(), "Crash Test");
      for (int i = 0; i < ROOMS; i++) {
        JsonNode session = ada.createSession("Kill " + i, "Cand " + i, 1);
        sessions.add(session.get("id").asText());
        try (RoomClient staff = RoomClient.connect(vertx, first.port(), "/ws/rooms/" + session.get("id").asText(), ada.cookie())) {
          staff.hello();
          String doc = staff.startWithFirstQuestion();
          typists.add(new Typist(doc, Interviewer.token(session), "typist-" + i));
        }
      }
      for (Typist t : typists) {
        RoomClient c = RoomClient.connect(vertx, first.port(), "/ws/join/" + t.token, null);
        c.send(c.json("hello").put("name", t.clientId));
        t.participantId = c.await("welcome").get("you").get("id").asText();
        sockets.add(c);
      }
      // Type in every room until TYPED characters are confirmed in each: ten one-character updates
      // per push (a socket may send at most 60 messages a second), each push after the last one's
      // confirmation.
      for (int n = 0; n < TYPED; n += 10) {
        for (int i = 0; i < ROOMS; i++) {
          Typist t = typists.get(i);
          RoomClient c = sockets.get(i);
          ObjectNode push = c.json("push").put("doc", t.doc).put("version", t.version);
          var updates = push.putArray("updates");
          StringBuilder chars = new StringBuilder();
          for (int k = 0; k < 10; k++) {
            String ch = String.valueOf((char) ('a' + (n + k + i) % 26));
            int length = t.confirmed.length() + k;
            updates.addObject().put("clientID", t.clientId)
                .set("changes", insert(c, t.doc, 0, t.clientId, length, length, ch).get("updates").get(0).get("changes"));
            chars.append(ch);
          }
          c.send(push);
          t.pending = chars.toString();
        }
        for (int i = 0; i < ROOMS; i++) {
          Typist t = typists.get(i);
          int expected = t.version + 10;
          sockets.get(i).await("updates", u -> u.get("version").asInt() == expected);
          t.confirmed.append(t.pending);
          t.version = expected;
          t.pending = null;
        }
      }
      // One more character everywhere, and kill the server while those are in flight.
      for (int i = 0; i < ROOMS; i++) {
        Typist t = typists.get(i);
        RoomClient c = sockets.get(i);
        t.pending = "!";
        c.send(insert(c, t.doc, t.version, t.clientId, t.confirmed.length(), t.confirmed.length(), "!"));
      }
      first.kill();
    } finally {
      sockets.forEach(RoomClient::close);
      first.close(); // killed on the way here, unless a step above failed: then it stops (with its Postgres) rather than outlive the test
    }

    try (JarProcess second = JarProcess.start(data)) {
      for (int i = 0; i < ROOMS; i++) {
        Typist t = typists.get(i);
        String sessionId = sessions.get(i);
        // The stored log: gap-free versions, and the confirmed text is a prefix of the stored edits.
        List<Map<String, Object>> events = Sql.rows(second.database(),
            "select version, type from session_events where session_id = ?::uuid order by version", sessionId);
        for (int v = 0; v < events.size(); v++) assertThat(((Number) events.get(v).get("version")).longValue()).isEqualTo(v + 1L);
        // The snapshot a load starts from: the newest that leaves a whole kept history to replay.
        List<Integer> snapshots = Sql.rows(second.database(),
            "select doc_version from document_snapshots where session_id = ?::uuid order by doc_version", sessionId)
            .stream().map(r -> ((Number) r.get("doc_version")).intValue()).toList();
        int newest = snapshots.get(snapshots.size() - 1);
        int loadedFrom = snapshots.stream().filter(v -> v <= newest - RoomLoader.REPLAYED).reduce((a, b) -> b).orElseThrow();

        try (RoomClient back = RoomClient.connect(vertx, second.port(), "/ws/join/" + t.token, null)) {
          ObjectNode hello = back.json("hello").put("participantId", t.participantId);
          hello.putObject("docs").put(t.doc, t.version);
          back.send(hello);
          JsonNode docView = back.await("welcome").get("docs").get(t.doc);
          assertThat(loadLine(second, sessionId)).as("room %d's load", i).contains("documents from snapshots: {" + t.doc + "=" + loadedFrom + "}");
          String stored = docView.get("text").asText();
          assertThat(stored).as("room %d keeps every confirmed edit", i).startsWith(t.confirmed.toString());
          assertThat(stored.length()).isIn(t.confirmed.length(), t.confirmed.length() + 1);
          // Resend the unconfirmed "!" as a client does: at its version, with what it missed applied first.
          int version = docView.get("version").asInt();
          if (stored.length() == t.confirmed.length()) {
            back.send(insert(back, t.doc, version, t.clientId, stored.length(), stored.length(), "!"));
            back.await("updates", u -> u.get("version").asInt() == version + 1);
          } else {
            // It was stored before the kill: the resend at the old version is recognised and dropped.
            back.send(insert(back, t.doc, t.version, t.clientId, t.confirmed.length(), t.confirmed.length(), "!"));
            back.send(back.json("ping").put("t", 1));
            back.await("pong");
          }
        }
        try (RoomClient check = RoomClient.connect(vertx, second.port(), "/ws/join/" + t.token, null)) {
          check.send(check.json("hello").put("participantId", t.participantId));
          String finalText = check.await("welcome").get("docs").get(t.doc).get("text").asText();
          assertThat(finalText).isEqualTo(t.confirmed + "!");
        }
        long edits = (Long) Sql.one(second.database(),
            "select count(*) from session_events where session_id = ?::uuid and type = 'doc_update'", sessionId);
        assertThat(edits).isEqualTo(t.confirmed.length() + 1L);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      io.mockroom.testing.Folders.delete(data);
    }
  }

  /** The server's log line for loading the room (written before its welcome; read as the output arrives). */
  private static String loadLine(JarProcess server, String sessionId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    do {
      synchronized (server.output()) {
        for (String line : server.output()) if (line.contains("Room " + sessionId + " loaded at version")) return line;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no load line for room " + sessionId);
  }
}
