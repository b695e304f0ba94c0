package io.mockroom.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/review/candidates?email= says {@code mayErase} exactly when DELETE with the same email
 * would succeed: the viewer interviews every session of the organisation with that email (in any
 * case). An observer of one, or an interviewer of only some, may not; nor may anyone when there is
 * no session with the email.
 */
class ACandidatesHistorySaysWhetherTheViewerMayEraseThemTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  @Test
  void mayEraseIsTrueOnlyForAnInterviewerOfEverySession() {
    Interviewer ada = Interviewer.signUp(server, "Erase Rights Org");
    Interviewer bob = ada.colleague("Bob Baker");
    String first = session(ada, "First round", "nia@example.com");
    String second = session(ada, "Second round", "NIA@example.com");
    invite(ada, first, bob, "interviewer");
    invite(ada, second, bob, "observer");

    assertThat(mayErase(ada, "nia@example.com")).as("the creator of both").isTrue();
    assertThat(mayErase(bob, "nia@example.com")).as("an interviewer of one, an observer of the other").isFalse();
    assertThat(Http.delete(server.baseUrl() + "/api/review/candidates?email=nia%40example.com", bob.cookie()).status())
        .as("and the delete agrees").isEqualTo(403);
    assertThat(mayErase(ada, "nobody@example.com")).as("no session with the email").isFalse();

    invite(ada, second, bob, "interviewer");
    assertThat(mayErase(bob, "nia@example.com")).as("once an interviewer of both").isTrue();
    Http.Reply erased = Http.delete(server.baseUrl() + "/api/review/candidates?email=nia%40example.com", bob.cookie());
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().get("deleted").asInt()).isEqualTo(2);
  }

  private static String session(Interviewer who, String title, String email) {
    String id = who.createSession(title, "Nia Njeri", 1).get("id").asText();
    Http.Reply linked = Http.post(server.baseUrl() + "/api/sessions/" + id + "/candidate", Map.of("email", email), who.cookie());
    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    return id;
  }

  private static void invite(Interviewer by, String session, Interviewer who, String role) {
    Http.Reply r = Http.post(server.baseUrl() + "/api/sessions/" + session + "/members",
        Map.of("email", who.account().get("email").asText(), "role", role), by.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static boolean mayErase(Interviewer who, String email) {
    Http.Reply r = Http.get(server.baseUrl() + "/api/review/candidates?email=" + email.replace("@", "%40"), who.cookie());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("mayErase").asBoolean();
  }
}
