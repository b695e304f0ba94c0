package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.RoomClient;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DELETE /api/review/candidates?email= erases a candidate: every session of the organisation with
 * that email (any case) goes, in one go — but only when the caller interviews every one of them;
 * otherwise nothing is deleted and the 403 says how many are not theirs. Other candidates' sessions
 * and another organisation's session with the same email stay; a live room among them closes with
 * 4004; asked again, nothing is left to delete.
 */
class ACandidatesSessionsAreErasedTogetherOnlyByAnInterviewerOfEveryOneTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void allOrNothingAndOnlyTheOrganisationsOwn() {
    Interviewer ada = Interviewer.signUp(server, "Erasing Org");
    Interviewer bob = ada.colleague("Bob Baker");
    Interviewer stranger = Interviewer.signUp(server, "Unrelated Org");
    String first = session(ada, "First", "grace@example.com");
    String second = session(ada, "Second", "Grace@Example.com");
    String bobs = session(bob, "Bob's", "grace@example.com");
    String otherCandidate = session(ada, "Someone else", "linus@example.com");
    String elsewhere = session(stranger, "Elsewhere", "grace@example.com");

    Http.Reply refused = Http.delete(server.baseUrl() + "/api/review/candidates?email=GRACE@example.com", ada.cookie());
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("error").get("code").asText()).isEqualTo("not_an_interviewer");
    assertThat(refused.json().get("error").get("message").asText()).contains("1 of the 3 sessions").contains("none was deleted");
    assertThat(count("select count(*) from sessions where id in (?::uuid, ?::uuid, ?::uuid)", first, second, bobs)).isEqualTo(3L);

    Http.Reply invite = Http.post(server.baseUrl() + "/api/sessions/" + bobs + "/members",
        Map.of("email", ada.account().get("email").asText(), "role", "interviewer"), bob.cookie());
    assertThat(invite.status()).isEqualTo(200);
    try (RoomClient live = RoomClient.joinAsStaff(server, ada, first)) {
      Http.Reply r = Http.delete(server.baseUrl() + "/api/review/candidates?email=grace@example.com", ada.cookie());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("deleted").asInt()).isEqualTo(3);
      assertThat(live.awaitClosed()).isTrue();
      assertThat(live.closeCode()).isEqualTo((short) 4004);
    }
    assertThat(count("select count(*) from sessions where id in (?::uuid, ?::uuid, ?::uuid)", first, second, bobs)).isZero();
    assertThat(count("select count(*) from session_events where session_id in (?::uuid, ?::uuid, ?::uuid)", first, second, bobs)).isZero();
    assertThat(count("select count(*) from sessions where id in (?::uuid, ?::uuid)", otherCandidate, elsewhere))
        .as("another candidate's session, and another organisation's with the same email").isEqualTo(2L);
    assertThat(Http.get(server.baseUrl() + "/api/review/candidates?email=grace@example.com", ada.cookie()).json().get("sessions")).isEmpty();

    Http.Reply again = Http.delete(server.baseUrl() + "/api/review/candidates?email=grace@example.com", ada.cookie());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("deleted").asInt()).isZero();
    assertThat(Http.delete(server.baseUrl() + "/api/review/candidates?email=grace@example.com", null).status()).isEqualTo(401);
    assertThat(Http.delete(server.baseUrl() + "/api/review/candidates", ada.cookie()).status()).isEqualTo(400);
  }

  private static String session(Interviewer who, String title, String email) {
    String id = who.createSession(title, "Grace", 1).get("id").asText();
    Http.Reply r = Http.post(server.baseUrl() + "/api/sessions/" + id + "/candidate", Map.of("email", email), who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return id;
  }

  private static long count(String sql, Object... args) {
    return (Long) Sql.one(server.database(), sql, args);
  }
}
