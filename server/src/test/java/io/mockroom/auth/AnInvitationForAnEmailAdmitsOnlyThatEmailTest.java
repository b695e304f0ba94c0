package io.mockroom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An invitation made for someone's email lets only that email join the organisation (in any
 * letter case): a forwarded or leaked link is no way in for anyone else, and the refusal leaves
 * the invitation usable by the person it was made for. One made without an email admits anyone
 * who has it, once.
 */
class AnInvitationForAnEmailAdmitsOnlyThatEmailTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static Http.Reply signUp(String invitation, String email) {
    return Http.post(server.baseUrl() + "/api/auth/signup",
        Map.of("invitation", invitation, "name", "Someone", "email", email, "password", "a long password"), null);
  }

  static String invite(Interviewer by, Map<String, String> body) {
    return Http.post(server.baseUrl() + "/api/invitations", body, by.cookie()).json().get("token").asText();
  }

  @Test
  void anotherEmailIsRefusedAndTheInvitedOneStillGetsIn() {
    Interviewer ada = Interviewer.signUp(server, "Invited Org");
    String token = invite(ada, Map.of("email", "dave@example.com"));

    Http.Reply mallory = signUp(token, "mallory@example.org");
    assertThat(mallory.status()).as(mallory.body()).isEqualTo(403);
    assertThat(mallory.json().get("error").get("code").asText()).isEqualTo("invitation_for_another_email");
    assertThat(mallory.json().get("error").get("message").asText()).isEqualTo(
        "This invitation was made for another email address. Sign up with that one, or ask for an invitation of your own.");
    assertThat(Http.post(server.baseUrl() + "/api/auth/login", Map.of("email", "mallory@example.org", "password", "a long password"), null)
        .status()).as("no account was made").isEqualTo(401);

    Http.Reply dave = signUp(token, "Dave@Example.com");
    assertThat(dave.status()).as(dave.body()).isEqualTo(201);
    assertThat(dave.json().get("account").get("organisationName").asText()).isEqualTo("Invited Org");
  }

  @Test
  void anInvitationWithoutAnEmailAdmitsWhoeverHasItOnce() {
    Interviewer ada = Interviewer.signUp(server, "Open Invitation Org");
    String token = invite(ada, Map.of());
    assertThat(signUp(token, "first@example.com").status()).isEqualTo(201);
    assertThat(signUp(token, "second@example.com").status()).isEqualTo(410);
  }
}
