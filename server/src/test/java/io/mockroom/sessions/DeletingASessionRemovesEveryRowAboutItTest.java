package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DELETE /api/sessions/{id} leaves no row about the session in any table that refers to sessions
 * — found from the database's own catalogue, so a table a later migration adds is checked too —
 * and leaves another session of the same interviewer and candidate exactly as it was. A practice
 * pairing whose round is deleted goes with it; its other round stays.
 */
class DeletingASessionRemovesEveryRowAboutItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void everyRowAboutTheSessionIsGoneAndAnotherSessionIsUntouched() {
    Interviewer ada = Interviewer.signUp(server, "Erasure Org");
    Interviewer bob = ada.colleague("Bob Baker");
    String deleted = runASession(ada, bob, "Delete me", "Grace Hopper");
    String kept = runASession(ada, bob, "Keep me", "Grace Hopper");
    String partner = ada.createSession("Practice partner round", "Bob", 1).get("id").asText();
    // Rows the room does not write in this test (or at all, today): a snapshot, a participant row, a
    // notes row, a cluster owner row, pairings.
    for (String s : List.of(deleted, kept)) {
      Sql.execute(server.database(), "insert into document_snapshots (session_id, document_id, doc_version, log_version, text) values (?::uuid, 'q0', 1, 1, 'x')", s);
      Sql.execute(server.database(), "insert into participants (id, session_id, role, display_name) values (?::uuid, ?::uuid, 'candidate', 'Grace')", UUID.randomUUID().toString(), s);
      Sql.execute(server.database(), "insert into notes (id, session_id, account_id, body) values (?::uuid, ?::uuid, ?::uuid, 'Note')", UUID.randomUUID().toString(), s, ada.id());
      Sql.execute(server.database(), "insert into room_owners (session_id, epoch, node) values (?::uuid, 1, 'test-node')", s);
    }
    String pairing = pairing(ada, bob, deleted, partner);
    String keptPairing = pairing(ada, bob, kept, partner);

    Map<String, Long> deletedBefore = counts(deleted);
    Map<String, Long> keptBefore = counts(kept);
    assertThat(deletedBefore).as("every table refers to the session before, so the test can fail")
        .allSatisfy((table, n) -> assertThat(n).as(table).isPositive());

    Http.Reply r = Http.delete(server.baseUrl() + "/api/sessions/" + deleted, ada.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(204);

    assertThat(counts(deleted)).as("rows about the deleted session").allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    assertThat(counts(kept)).as("the other session's rows").isEqualTo(keptBefore);
    assertThat(Sql.one(server.database(), "select count(*) from practice_pairings where id = ?::uuid", pairing)).isEqualTo(0L);
    assertThat(Sql.one(server.database(), "select count(*) from practice_pairings where id = ?::uuid", keptPairing)).isEqualTo(1L);
    assertThat(Sql.one(server.database(), "select count(*) from sessions where id = ?::uuid", partner))
        .as("the deleted pairing's other round stays").isEqualTo(1L);

    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + deleted, ada.cookie()).status()).isEqualTo(404);
    assertThat(Http.get(server.baseUrl() + "/api/review/sessions/" + deleted, ada.cookie()).status()).isEqualTo(404);
    assertThat(Http.get(server.baseUrl() + "/api/review/sessions?candidate=Grace", ada.cookie()).json().get("total").asInt()).isEqualTo(1);
    assertThat(Http.get(server.baseUrl() + "/api/review/scores.csv", ada.cookie()).body()).doesNotContain("Delete me").contains("Keep me");
    assertThat(Http.delete(server.baseUrl() + "/api/sessions/" + deleted, ada.cookie()).status()).as("deleting again").isEqualTo(404);
  }

  /**
   * Rows per table (and column) that refer to the session: every column with a foreign key to
   * sessions, from pg_constraint, and session_events.session_id, whose key V4 dropped.
   */
  private static Map<String, Long> counts(String sessionId) {
    List<Map<String, Object>> refs = Sql.rows(server.database(), """
        select c.conrelid::regclass::text as tab, a.attname as col
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
         where c.contype = 'f' and c.confrelid = 'sessions'::regclass
         union select 'session_events', 'session_id'
         union select 'sessions', 'id'
         order by 1, 2""");
    assertThat(refs).as("the references the migrations up to V11 made").hasSizeGreaterThanOrEqualTo(12);
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map<String, Object> ref : refs) {
      String key = ref.get("tab") + "." + ref.get("col");
      out.put(key, (Long) Sql.one(server.database(), "select count(*) from " + ref.get("tab") + " where " + ref.get("col") + " = ?::uuid", sessionId));
    }
    // practice_pairings has two columns referring to sessions: one pairing counts for one of them.
    long second = out.remove("practice_pairings.second_session");
    out.compute("practice_pairings.first_session", (k, v) -> v + second);
    return out;
  }

  private static String pairing(Interviewer ada, Interviewer bob, String first, String second) {
    String id = UUID.randomUUID().toString();
    Sql.execute(server.database(), """
        insert into practice_pairings (id, organisation_id, topic, difficulty, first_account, second_account, first_session, second_session)
        select ?::uuid, organisation_id, 'Python basics', 'beginner', ?::uuid, ?::uuid, ?::uuid, ?::uuid from sessions where id = ?::uuid""",
        id, ada.id(), bob.id(), first, second, first);
    return id;
  }

  /** A session with a candidate, a colleague invited, chat, a note, a hint, a score and a recommendation. */
  private static String runASession(Interviewer ada, Interviewer bob, String title, String candidate) {
    JsonNode session = ada.createSession(title, candidate, 2);
    String id = session.get("id").asText();
    Http.Reply member = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", bob.account().get("email").asText(), "role", "observer"), ada.cookie());
    assertThat(member.status()).as(member.body()).isEqualTo(200);
    try (RoomClient staff = RoomClient.joinAsStaff(server, ada, id);
         RoomClient cand = RoomClient.connect(server.vertx(), server.port(), "/ws/join/" + Interviewer.token(session), null)) {
      cand.send(cand.json("hello").put("name", candidate));
      cand.await("welcome");
      staff.send(staff.json("start"));
      staff.send(staff.json("push_question").put("planIndex", 0));
      JsonNode q = cand.await("question").get("question");
      cand.send(cand.json("chat").put("text", "Hello from " + candidate));
      staff.await("chat");
      staff.send(staff.json("note").put("text", "Private note about " + candidate));
      staff.await("note");
      staff.send(staff.json("hint").put("text", "A hint"));
      staff.await("scoring");
      staff.send(staff.json("score").put("questionId", q.get("questionId").asText()).put("rubric", 3)
          .set("keyPoints", Json.MAPPER.createArrayNode().add(0)));
      staff.await("scoring", s -> s.get("scoring").get("scores").size() == 1);
      staff.send(staff.json("recommend").put("recommendation", "yes").put("summary", "Good").put("submit", true));
      staff.await("scoring", s -> s.get("scoring").get("revealed").asBoolean());
    }
    return id;
  }
}
