package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.metrics.ServerMetrics;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.RefusedEvents;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event Postgres refuses for what it holds (a data exception such as U+0000 in jsonb, a
 * constraint) used to fail its whole batch, which the event log then retried for ever: every room
 * of the server stopped being saved. Now the batch is written again event by event: the refused
 * event fails alone — with the later events of its own room, which rest on it — the others are
 * written, and the room reloads from what is stored.
 */
class AnEventPostgresRefusesFailsAloneAndOtherRoomsKeepSavingTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  private static final String NUL_TEXT = "{\"text\":\"a\\u0000b\"}";

  @Test
  void theRefusedEventAndTheRestOfItsRoomFailWhileEveryOtherEventIsWritten() throws Exception {
    refusedAlone(false);
  }

  @Test
  void theSameHoldsForAClusterNodesFencedWrites() throws Exception {
    refusedAlone(true);
  }

  private static void refusedAlone(boolean fenced) throws Exception {
    Pool pool = server.pool(2);
    try {
      Interviewer ada = Interviewer.signUp(server, "Refused " + fenced);
      UUID a = UUID.fromString(ada.createSession("A", "Grace", 1).get("id").asText());
      UUID b = UUID.fromString(ada.createSession("B", "Alan", 1).get("id").asText());
      if (fenced) {
        for (UUID s : List.of(a, b)) Sql.execute(server.database(), "insert into room_owners (session_id, epoch, node) values (?::uuid, 1, 'test')", s.toString());
      }
      Context context = server.vertx().getOrCreateContext();
      ServerMetrics metrics = new ServerMetrics();
      EventLog log = onContext(context, () -> new EventLog(server.vertx(), pool, metrics, fenced));

      // Appended in one task of the log's context: they are one batch.
      List<Future<Void>> appends = onContext(context, () -> List.of(
          log.append(List.of(note(a, 1, "a1")), 1), log.append(List.of(note(b, 1, "b1")), 1),
          log.append(List.of(new LogEntry(a, 2, "chat", null, NUL_TEXT)), 1), log.append(List.of(note(b, 2, "b2")), 1),
          log.append(List.of(note(a, 3, "a3")), 1), log.append(List.of(note(b, 3, "b3")), 1)));
      Future.join(appends).otherwiseEmpty().await(20, TimeUnit.SECONDS);

      assertThat(appends.get(0).succeeded()).as("a1, before the refused event").isTrue();
      assertThat(appends.get(1).succeeded()).isTrue();
      assertThat(appends.get(3).succeeded()).isTrue();
      assertThat(appends.get(5).succeeded()).isTrue();
      assertThat(appends.get(2).cause()).isInstanceOf(EventLog.RefusedException.class).hasMessageContaining("unsupported Unicode escape sequence");
      assertThat(appends.get(4).cause()).as("a3 follows the refused a2").isInstanceOf(EventLog.RefusedException.class);
      assertThat(((EventLog.RefusedException) appends.get(4).cause()).refusedVersion()).isEqualTo(2);
      assertThat(log.healthy()).isTrue();
      assertThat(texts(a)).containsExactly("a1");
      assertThat(texts(b)).containsExactly("b1", "b2", "b3");
      assertThat(metrics.refusedEvents.count()).as("the refused event, not its followers").isEqualTo(1);
      assertThat(metrics.scrape()).contains("mockroom_eventlog_refused_total 1.0");

      // Later events of the room that appended the refused one are not written either…
      assertThat(log.append(List.of(note(a, 4, "a4")), 1).otherwiseEmpty().await(10, TimeUnit.SECONDS)).isNull();
      assertThat(texts(a)).containsExactly("a1");
      // …until the room, reloaded from the log, writes from the refused version on.
      Future.all(log.append(List.of(note(a, 2, "a2 again")), 1), log.append(List.of(note(a, 3, "a3 again")), 1))
          .await(10, TimeUnit.SECONDS);
      assertThat(texts(a)).containsExactly("a1", "a2 again", "a3 again");

      if (fenced) {
        // Refused again, then the room is reloaded under a new claim (another node, say) that writes far ahead:
        // its events are not taken for followers of the refused one.
        Future<Void> refused = log.append(List.of(new LogEntry(a, 4, "chat", null, NUL_TEXT)), 1);
        assertThat(refused.otherwiseEmpty().await(10, TimeUnit.SECONDS)).isNull();
        assertThat(refused.cause()).isInstanceOf(EventLog.RefusedException.class);
        Sql.execute(server.database(), "update room_owners set epoch = 2 where session_id = ?::uuid", a.toString());
        log.append(List.of(note(a, 4, "a4"), note(a, 5, "a5")), 2).await(10, TimeUnit.SECONDS);
        assertThat(texts(a)).containsExactly("a1", "a2 again", "a3 again", "a4", "a5");
      }
      log.close(java.time.Duration.ofSeconds(10), pool).await(20, TimeUnit.SECONDS);
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Why only U+0000 is replaced in what clients send: of every UTF-16 unit (surrogates, handled
   * as pairs, apart), it is the one that a log payload — JSON as the room writes it, cast to jsonb —
   * and a text column cannot hold. Control characters and noncharacters come back as they went in.
   */
  @Test
  void everyCharacterButNulIsStoredInAPayloadAsItIs() throws Exception {
    Pool pool = server.pool(1);
    try {
      List<String> payloads = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (char c = 1; c != 0; c++) {
        if (Character.isSurrogate(c)) continue;
        payloads.add(new JsonObject().put("t", String.valueOf(c)).encode());
        texts.add(String.valueOf(c));
      }
      Tuple args = Tuple.tuple().addArrayOfString(payloads.toArray(String[]::new)).addArrayOfString(texts.toArray(String[]::new));
      var row = pool.preparedQuery("""
          select array_agg(d::jsonb ->> 't' order by n) = $2, array_agg(t::text order by n) = $2
            from unnest($1::text[], $2::text[]) with ordinality as u(d, t, n)""").execute(args)
          .await(30, TimeUnit.SECONDS).iterator().next();
      assertThat(row.getBoolean(0)).as("every character but U+0000 round trips through jsonb").isTrue();
      assertThat(row.getBoolean(1)).as("and through text").isTrue();

      String nul = new JsonObject().put("t", "\0").encode();
      assertThat(sqlState(pool.preparedQuery("select $1::text::jsonb").execute(Tuple.of(nul)))).isEqualTo("22P05");
      assertThat(sqlState(pool.preparedQuery("select $1::text").execute(Tuple.of("\0")))).isEqualTo("22021");
    } finally {
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Through the room: a message whose event the database refuses (here a trigger refuses a marker
   * text) is answered with {@code not_stored} to its author, naming the refused editor update; its room closes its sockets and
   * reloads from the log, without the refused edit; the next edit fits; other rooms never pause.
   */
  @Test
  void aMessageTheDatabaseRefusesIsAnsweredWithAnErrorAndOnlyItsRoomReloads() {
    try (RefusedEvents refused = RefusedEvents.install(server.database())) {
      Interviewer ada = Interviewer.signUp(server, "Refusing Room Ltd");
      JsonNode session = ada.createSession("Refused", "Grace", 1);
      JsonNode otherSession = ada.createSession("Other", "Alan", 1);
      String sessionId = session.get("id").asText();
      try (RoomClient staff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + sessionId, ada.cookie());
           RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null);
           RoomClient otherStaff = RoomClient.connect(server.vertx(), server.port(), "/ws/rooms/" + otherSession.get("id").asText(), ada.cookie())) {
        staff.hello();
        otherStaff.hello();
        String doc = staff.startWithFirstQuestion();
        cand.send(cand.json("hello").put("name", "Grace"));
        String grace = cand.await("welcome").get("you").get("id").asText();
        cand.send(push(doc, 0, "[[0,\"abc\"]]", "g1"));
        cand.await("updates", u -> u.get("version").asInt() == 1);

        // Refused: its author is told, and the room reloads (its sockets close as for a restart).
        cand.send(push(doc, 1, "[3,[0,\"REFUSE ME\"]]", "g2"));
        JsonNode refusal = cand.await("error");
        assertThat(refusal.get("code").asText()).isEqualTo("not_stored");
        // It names the refused update, so the author's client drops it instead of sending it again after every reload.
        assertThat(refusal.get("doc").asText()).isEqualTo(doc);
        assertThat(refusal.get("clientID").asText()).isEqualTo("g2");
        assertThat(cand.awaitClosed()).isTrue();
        assertThat(staff.awaitClosed()).isTrue();
        assertThat(cand.closeCode()).isEqualTo((short) 1012);
        assertThat(staff.frames()).noneMatch(f -> f.contains("REFUSE ME") || f.contains("not_stored"));

        otherStaff.send(otherStaff.json("chat").put("text", "other rooms are saved"));
        assertThat(otherStaff.await("chat").get("chat").get("text").asText()).isEqualTo("other rooms are saved");
        assertThat(otherStaff.frames()).noneMatch(f -> f.contains("paused"));

        try (RoomClient back = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
          back.send("{\"type\":\"hello\",\"participantId\":\"" + grace + "\",\"docs\":{\"" + doc + "\":1}}");
          JsonNode welcome = back.await("welcome").get("docs").get(doc);
          assertThat(welcome.get("version").asInt()).isEqualTo(1);
          assertThat(welcome.get("text").asText()).isEqualTo("abc");
          back.send(push(doc, 1, "[3,[0,\"d\"]]", "g3"));
          back.await("updates", u -> u.get("version").asInt() == 2);
        }
      }
      Object gaps = Sql.one(server.database(),
          "select max(version) - count(*) from session_events where session_id = ?::uuid", sessionId);
      assertThat(gaps).as("versions are gap-free").isEqualTo(0L);
      assertThat(Sql.one(server.database(), "select string_agg(payload -> 'changes' ->> -1, '|' order by version) from session_events"
          + " where session_id = ?::uuid and type = 'doc_update'", sessionId)).isEqualTo("[0, \"abc\"]|[0, \"d\"]");
    }
  }

  private static String push(String doc, int version, String changes, String clientId) {
    return "{\"type\":\"push\",\"doc\":\"" + doc + "\",\"version\":" + version + ",\"updates\":[{\"clientID\":\"" + clientId
        + "\",\"changes\":" + changes + "}]}";
  }

  private static LogEntry note(UUID session, long version, String text) {
    return new LogEntry(session, version, "note", null, new JsonObject().put("text", text).encode());
  }

  private static List<Object> texts(UUID session) {
    return Sql.rows(server.database(), "select payload ->> 'text' as t from session_events where session_id = ?::uuid order by version",
        session.toString()).stream().map(r -> r.get("t")).toList();
  }

  private static String sqlState(Future<?> query) throws Exception {
    Throwable e = query.otherwiseEmpty().await(10, TimeUnit.SECONDS) == null ? query.cause() : null;
    return e instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState() : String.valueOf(e);
  }

  private static <T> T onContext(Context context, Supplier<T> what) throws Exception {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> done.complete(what.get()));
    return done.future().await(10, TimeUnit.SECONDS);
  }
}
