package io.mockroom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sign-in throttle counts a guess when it arrives, not after its password was hashed: an
 * audit sent 60 wrong passwords for one email at once and got 60 answers of 401 and no 429, as
 * every guess was let in before the first hash finished. And a right password takes its attempt
 * back from the address's count, so an office signing in every morning is never slowed down.
 */
class GuessesSentAllAtOnceAreThrottledLikeGuessesSentInTurnTest {
  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  static Http.Reply login(String email, String password) {
    return Http.post(server.baseUrl() + "/api/auth/login", Map.of("email", email, "password", password), null);
  }

  @Test
  void thirtyGuessesAtOnceGetNoMoreTriesThanFiveInTurn() throws Exception {
    Http.post(server.baseUrl() + "/api/auth/signup",
        Map.of("organisation", "Guarded", "name", "Gus", "email", "gus@example.com", "password", "the right password"), null);
    List<CompletableFuture<Http.Reply>> guesses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int n = i;
      guesses.add(CompletableFuture.supplyAsync(() -> login("gus@example.com", "guess number " + n)));
    }
    int tried = 0;
    int throttled = 0;
    for (CompletableFuture<Http.Reply> g : guesses) {
      int status = g.get().status();
      if (status == 401) tried++;
      else if (status == 429) throttled++;
      else throw new AssertionError("unexpected answer " + status + ": " + g.get().body());
    }
    // Five are free; the next must wait a second, so one more may slip in if the burst spans one.
    assertThat(tried).as("guesses that had their password checked").isBetween(LoginThrottle.FREE_FAILURES, LoginThrottle.FREE_FAILURES + 1);
    assertThat(throttled).isEqualTo(30 - tried);
  }

  @Test
  void rightPasswordsDoNotUseUpTheAddressesAllowance() {
    Http.post(server.baseUrl() + "/api/auth/signup",
        Map.of("organisation", "Busy Office", "name", "Olive", "email", "olive@example.com", "password", "the right password"), null);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS + 5; i++) {
      assertThat(login("olive@example.com", "the right password").status()).as("sign-in %d from 127.0.0.1", i + 1).isEqualTo(200);
    }
  }
}
