package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * With sign-up closed (the default) and the organisation made, the start page and /signup offered
 * "Create an organisation" and a form that failed only once filled in. They now say to ask a
 * colleague for an invitation link, and the invitation still signs a colleague up
 * (web-client/e2e/signup-by-invitation.mjs; screenshots in server/target/e2e/signup).
 */
class AServerWithItsOrganisationOffersSignUpOnlyByInvitationInChromiumTest {

  @Test
  void theStartAndSignUpPagesSayToAskForAnInvitationAndOneWorks() throws Exception {
    try (TestServer server = TestServer.start(c -> c.withOpenSignup(false))) {
      BrowserScript.Result r = BrowserScript.run("signup-by-invitation.mjs", server.baseUrl(), Path.of("target/e2e/signup"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/signup/signup-by-invitation.png")).exists();
    }
  }
}
