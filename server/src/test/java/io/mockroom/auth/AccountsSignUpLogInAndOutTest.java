package io.mockroom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountsSignUpLogInAndOutTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static String url(String path) {
    return server.baseUrl() + path;
  }

  @Test
  void signUpSetsAStrictCookieAndStoresOnlyASlowHash() {
    Http.Reply r = Http.post(url("/api/auth/signup"),
        Map.of("organisation", "Acme", "name", "Ada", "email", "ada.hash@example.com", "password", "correct horse battery"), null);
    assertThat(r.status()).isEqualTo(201);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    assertThat(r.json().get("account").get("organisationName").asText()).isEqualTo("Acme");
    String hash = (String) Sql.one(server.database(), "select password_hash from accounts where email = 'ada.hash@example.com'");
    assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
    assertThat(Http.get(url("/api/auth/me"), Interviewer.cookie(r)).json().get("account").get("email").asText())
        .isEqualTo("ada.hash@example.com");
  }

  @Test
  void logInAndOut() {
    Interviewer.signUp(server, "Acme");
    Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "Bo", "email", "bo@example.com", "password", "a long password"), null);
    Http.Reply wrong = Http.post(url("/api/auth/login"), Map.of("email", "bo@example.com", "password", "not it at all"), null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("error").get("message").asText()).isEqualTo("That email and password do not match an account.");
    Http.Reply unknown = Http.post(url("/api/auth/login"), Map.of("email", "nobody@example.com", "password", "a long password"), null);
    assertThat(unknown.status()).isEqualTo(401);

    Http.Reply ok = Http.post(url("/api/auth/login"), Map.of("email", "BO@example.com", "password", "a long password"), null);
    assertThat(ok.status()).isEqualTo(200);
    String cookie = Interviewer.cookie(ok);
    assertThat(Http.get(url("/api/auth/me"), cookie).status()).isEqualTo(200);
    assertThat(Http.post(url("/api/auth/logout"), "{}", cookie).status()).isEqualTo(204);
    Http.Reply after = Http.get(url("/api/auth/me"), cookie);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get("error").get("code").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void repeatedFailedLoginsAreSlowedDown() {
    Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "Cy", "email", "cy@example.com", "password", "a long password"), null);
    for (int i = 0; i < 5; i++) {
      assertThat(Http.post(url("/api/auth/login"), Map.of("email", "cy@example.com", "password", "guess " + i), null).status()).isEqualTo(401);
    }
    Http.Reply slowed = Http.post(url("/api/auth/login"), Map.of("email", "cy@example.com", "password", "a long password"), null);
    assertThat(slowed.status()).isEqualTo(429);
    assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
    assertThat(slowed.json().get("error").get("message").asText()).startsWith("Too many failed sign-ins. Try again in");
  }

  @Test
  void badSignUpsGetClearErrors() {
    Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "Di", "email", "di@example.com", "password", "a long password"), null);
    Http.Reply taken = Http.post(url("/api/auth/signup"), Map.of("organisation", "Other", "name", "Di", "email", "DI@example.com", "password", "a long password"), null);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("error").get("message").asText()).contains("already exists");
    Http.Reply shortPassword = Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "E", "email", "e@example.com", "password", "short"), null);
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().get("error").get("message").asText()).contains("at least 10 characters");
    Http.Reply spaces = Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "E", "email", "e@example.com", "password", " ".repeat(12)), null);
    assertThat(spaces.status()).as("a password of spaces only").isEqualTo(400);
    Http.Reply badEmail = Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "name", "E", "email", "nope", "password", "a long password"), null);
    assertThat(badEmail.json().get("error").get("message").asText()).contains("does not look like an email");
    Http.Reply unknownField = Http.post(url("/api/auth/signup"), Map.of("organisation", "Acme", "role", "owner"), null);
    assertThat(unknownField.json().get("error").get("message").asText()).isEqualTo("Unknown field 'role'.");
    Http.Reply notJson = Http.post(url("/api/auth/signup"), "{nope", null);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("error").get("message").asText()).isEqualTo("The request body is not valid JSON.");
  }

  @Test
  void anInvitationJoinsTheOrganisationOnce() {
    Interviewer owner = Interviewer.signUp(server, "Invite Org");
    Http.Reply invite = Http.post(url("/api/invitations"), "{}", owner.cookie());
    assertThat(invite.status()).isEqualTo(201);
    String token = invite.json().get("token").asText();
    assertThat(invite.json().get("url").asText()).endsWith("/invite/" + token);
    assertThat(Http.get(url("/api/invitations/" + token)).json().get("organisationName").asText()).isEqualTo("Invite Org");

    Http.Reply joined = Http.post(url("/api/auth/signup"),
        Map.of("invitation", token, "name", "Fay", "email", "fay@example.com", "password", "a long password"), null);
    assertThat(joined.status()).isEqualTo(201);
    JsonNode account = joined.json().get("account");
    assertThat(account.get("organisationId").asText()).isEqualTo(owner.account().get("organisationId").asText());
    assertThat(account.get("role").asText()).isEqualTo("interviewer");

    Http.Reply again = Http.post(url("/api/auth/signup"),
        Map.of("invitation", token, "name", "Gus", "email", "gus@example.com", "password", "a long password"), null);
    assertThat(again.status()).isEqualTo(410);
    assertThat(Http.get(url("/api/invitations/" + token)).status()).isEqualTo(410);
  }

  @Test
  void changesFromAnotherOriginAreRefused() {
    Interviewer ada = Interviewer.signUp(server, "CSRF Org");
    Http.Reply forged = Http.post(url("/api/invitations"), "{}", ada.cookie(), "Origin", "https://evil.example");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.json().get("error").get("code").asText()).isEqualTo("cross_origin");
    Http.Reply sameSite = Http.post(url("/api/invitations"), "{}", ada.cookie(), "Origin", server.baseUrl());
    assertThat(sameSite.status()).isEqualTo(201);
  }
}
