package io.mockroom.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.config.DatabaseUrl;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.SharedPostgres;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A room remembers the ids of its latest {@link RoomState#APPLIED_KEPT} chat lines, notes, hints,
 * scores and recommendations, not all of them. A session whose log holds one chat line more than
 * that loads without the oldest id: that line sent again is stored again, while the oldest one
 * remembered is only confirmed again. Each line applied live pushes out the oldest id, and a
 * server that loads the room again from the log remembers exactly what the live room did.
 *
 * <p>The log's lines are written straight into the database (sending a thousand over sockets
 * would take the rate limits' time); everything after is the real server over real sockets.
 */
class ARoomRemembersOnlyItsLatestMessageIdsAndTheSameOnesAfterAReloadTest {
  private static final int KEPT = RoomState.APPLIED_KEPT;

  @Test
  void theOldestIdsAreForgottenAliveAndAfterAReload() {
    DatabaseUrl database = SharedPostgres.databaseWithBank();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= KEPT; i++) ids.add(UUID.randomUUID().toString());
    String sessionId;
    String token;
    String grace = UUID.randomUUID().toString();
    try (TestServer server = TestServer.start(database)) {
      Interviewer ada = Interviewer.signUp(server, "Long Sessions Ltd");
      JsonNode session = ada.createSession("Long", "Grace", 1);
      sessionId = session.get("id").asText();
      token = Interviewer.token(session);
      // Version 1: Grace joined; versions 2 to KEPT + 2: her lines ids[0] to ids[KEPT].
      Sql.execute(database, "insert into session_events (session_id, version, type, participant_id, payload)"
          + " values (?::uuid, 1, 'joined', ?::uuid, '{\"name\": \"Grace\", \"role\": \"candidate\", \"accountId\": null}')",
          sessionId, grace);
      Sql.execute(database, """
          insert into session_events (session_id, version, type, participant_id, payload)
          select ?::uuid, 1 + n, 'chat', ?::uuid, jsonb_build_object('id', id, 'text', 'line ' || n, 'at', '2025-03-01T10:00:00Z')
            from unnest(?::uuid[]) with ordinality as t(id, n)""", sessionId, grace, "{" + String.join(",", ids) + "}");

      try (RoomClient cand = rejoin(server, token, grace)) {
        JsonNode welcome = cand.await("welcome");
        assertThat(welcome.get("chat")).hasSize(KEPT + 1);
        long last = welcome.get("seq").asLong(); // a confirmation changes nothing: what is applied next takes last + 1
        assertThat(send(cand, ids.get(KEPT))).as("the newest id: confirmed at its version").isEqualTo(KEPT + 2);
        assertThat(send(cand, ids.get(1))).as("the oldest id remembered: confirmed").isEqualTo(3);
        assertThat(send(cand, ids.get(0))).as("the id the load left out: stored again").isEqualTo(last + 1);
        // Applied again, ids[0] pushed ids[1] out.
        assertThat(send(cand, ids.get(1))).as("pushed out live: stored again").isEqualTo(last + 2);
        assertThat(send(cand, ids.get(3))).isEqualTo(5);
      }
    }
    assertThat(stored(database, sessionId, ids.get(0))).isEqualTo(2);
    assertThat(stored(database, sessionId, ids.get(1))).isEqualTo(2);
    assertThat(stored(database, sessionId, ids.get(2))).isEqualTo(1);

    // A new server loads the room from the log: it remembers ids[3] to ids[KEPT], then ids[0] and ids[1].
    long reapplied = lastVersionOf(database, sessionId, ids.get(1));
    try (TestServer server = TestServer.start(database);
         RoomClient cand = rejoin(server, token, grace)) {
      long last = cand.await("welcome").get("seq").asLong();
      assertThat(send(cand, ids.get(1))).as("remembered at its later version").isEqualTo(reapplied);
      assertThat(send(cand, ids.get(3))).as("the oldest remembered").isEqualTo(5);
      assertThat(send(cand, ids.get(2))).as("forgotten live, forgotten after the reload").isEqualTo(last + 1);
    }
    assertThat(stored(database, sessionId, ids.get(2))).isEqualTo(2);
    assertThat(stored(database, sessionId, ids.get(3))).isEqualTo(1);
    assertThat(stored(database, sessionId, ids.get(KEPT))).isEqualTo(1);
  }

  private static RoomClient rejoin(TestServer server, String token, String participantId) {
    RoomClient c = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + token, null);
    c.send(c.json("hello").put("participantId", participantId));
    return c;
  }

  /** Sends the chat line {@code id} again and returns the version its answer carries (its first version when only confirmed). */
  private static long send(RoomClient c, String id) {
    c.send(c.json("chat").put("id", id).put("text", "again"));
    return c.await("chat", m -> m.get("chat").get("id").asText().equals(id)).get("seq").asLong();
  }

  private static long stored(DatabaseUrl database, String sessionId, String id) {
    return (Long) Sql.one(database,
        "select count(*) from session_events where session_id = ?::uuid and type = 'chat' and payload ->> 'id' = ?", sessionId, id);
  }

  private static long lastVersionOf(DatabaseUrl database, String sessionId, String id) {
    return ((Number) Sql.one(database,
        "select max(version) from session_events where session_id = ?::uuid and type = 'chat' and payload ->> 'id' = ?", sessionId, id))
        .longValue();
  }
}
