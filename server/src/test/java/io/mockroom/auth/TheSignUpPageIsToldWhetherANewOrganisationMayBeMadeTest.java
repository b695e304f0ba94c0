package io.mockroom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/auth/signup} tells the start and sign-up pages whether a sign-up without an
 * invitation may create an organisation now: on a closed server only while it has none, on an
 * open one always. It needs no account (a stranger's page asks).
 */
class TheSignUpPageIsToldWhetherANewOrganisationMayBeMadeTest {

  @Test
  void aClosedServerOffersOneOnlyUntilItHasItsOrganisation() {
    try (TestServer server = TestServer.start(c -> c.withOpenSignup(false))) {
      assertThat(Http.get(server.baseUrl() + "/api/auth/signup").json().get("newOrganisation").asBoolean()).isTrue();
      Interviewer.signUp(server, "Acme");
      Http.Reply after = Http.get(server.baseUrl() + "/api/auth/signup");
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.json().get("newOrganisation").asBoolean()).isFalse();
    }
  }

  @Test
  void anOpenServerAlwaysOffersOne() {
    try (TestServer server = TestServer.start(c -> c.withOpenSignup(true))) {
      Interviewer.signUp(server, "Acme");
      assertThat(Http.get(server.baseUrl() + "/api/auth/signup").json().get("newOrganisation").asBoolean()).isTrue();
    }
  }
}
