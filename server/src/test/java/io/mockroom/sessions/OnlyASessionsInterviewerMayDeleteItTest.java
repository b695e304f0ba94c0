package io.mockroom.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deleting a session is its interviewers' alone, as the other changes of a session: an observer
 * of it and a colleague not invited to it get 403 {@code not_an_interviewer}; another
 * organisation's account gets 404 (the session does not exist for it), signed out or with a
 * candidate's token 401, a page of another site 403 {@code cross_origin} — and after each the
 * session is still there. An interviewer invited to it (not its creator) may delete it.
 */
class OnlyASessionsInterviewerMayDeleteItTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();
  static Interviewer ada;
  static Interviewer olive;
  static Interviewer carl;
  static Interviewer ivan;
  static Interviewer stranger;

  @BeforeAll
  static void signUp() {
    ada = Interviewer.signUp(server, "Deleters Org");
    olive = ada.colleague("Olive Observer");
    carl = ada.colleague("Carl Colleague");
    ivan = ada.colleague("Ivan Interviewer");
    stranger = Interviewer.signUp(server, "Elsewhere Org");
  }

  @Test
  void nobodyButItsInterviewersMayDeleteIt() {
    String id = ada.createSession("Guarded", "Gina", 1).get("id").asText();
    String token = Interviewer.token(Http.get(server.baseUrl() + "/api/sessions/" + id, ada.cookie()).json());
    invite(id, olive, "observer");
    invite(id, ivan, "interviewer");

    refused(id, olive.cookie(), 403, "not_an_interviewer");
    refused(id, carl.cookie(), 403, "not_an_interviewer");
    refused(id, stranger.cookie(), 404, "not_found");
    refused(id, null, 401, "unauthenticated");
    refused(id, "mockroom_session=" + token, 401, "unauthenticated");
    Http.Reply crossSite = Http.delete(server.baseUrl() + "/api/sessions/" + id, ada.cookie(), "Origin", "https://evil.example");
    assertThat(crossSite.status()).as(crossSite.body()).isEqualTo(403);
    assertThat(crossSite.json().get("error").get("code").asText()).isEqualTo("cross_origin");
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + id, ada.cookie()).status()).as("still there").isEqualTo(200);
    assertThat(Http.get(server.baseUrl() + "/api/join/" + token).status()).as("its link still works").isEqualTo(200);

    Http.Reply r = Http.delete(server.baseUrl() + "/api/sessions/" + id, ivan.cookie());
    assertThat(r.status()).as("an invited interviewer: " + r.body()).isEqualTo(204);
    assertThat(Http.get(server.baseUrl() + "/api/sessions/" + id, ada.cookie()).status()).isEqualTo(404);
  }

  @Test
  void itsCreatorMayDeleteItAndAMalformedIdIsA404() {
    String id = ada.createSession("Mine", "Mona", 1).get("id").asText();
    assertThat(Http.delete(server.baseUrl() + "/api/sessions/" + id, ada.cookie()).status()).isEqualTo(204);
    assertThat(Http.delete(server.baseUrl() + "/api/sessions/not-a-uuid", ada.cookie()).status()).isEqualTo(404);
  }

  private static void refused(String id, String cookie, int status, String code) {
    Http.Reply r = Http.delete(server.baseUrl() + "/api/sessions/" + id, cookie);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error").get("code").asText()).as(r.body()).isEqualTo(code);
  }

  private static void invite(String id, Interviewer who, String role) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/sessions/" + id + "/members",
        Map.of("email", who.account().get("email").asText(), "role", role), ada.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
