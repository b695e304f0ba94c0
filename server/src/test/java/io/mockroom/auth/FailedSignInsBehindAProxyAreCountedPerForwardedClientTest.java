package io.mockroom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.TrustedProxies;
import io.mockroom.testing.Http;
import io.mockroom.testing.TestServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-address login limit behind a reverse proxy, against a real server: the test's requests
 * all come from 127.0.0.1, which plays the proxy. Every attempt uses an email of its own, so the
 * per-email limit ({@value LoginThrottle#FREE_FAILURES}) never applies and only the per-address
 * one ({@value LoginThrottle#FREE_FAILURES_PER_ADDRESS}) can answer 429.
 */
class FailedSignInsBehindAProxyAreCountedPerForwardedClientTest {
  static final int LIMIT = LoginThrottle.FREE_FAILURES_PER_ADDRESS;
  static final AtomicInteger EMAILS = new AtomicInteger();

  /** A failed sign-in (an email nobody has) with the given X-Forwarded-For, or none when null. */
  static Http.Reply failedSignIn(TestServer server, String forwardedFor) {
    Map<String, String> body = Map.of("email", "guess-" + EMAILS.incrementAndGet() + "@example.com", "password", "not the password");
    return forwardedFor == null
        ? Http.post(server.baseUrl() + "/api/auth/login", body, null)
        : Http.post(server.baseUrl() + "/api/auth/login", body, null, "X-Forwarded-For", forwardedFor);
  }

  static void failUpToTheLimit(TestServer server, String forwardedFor) {
    for (int i = 0; i < LIMIT; i++) {
      assertThat(failedSignIn(server, forwardedFor).status()).as("failure %d from %s", i + 1, forwardedFor).isEqualTo(401);
    }
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
    try (TestServer server = TestServer.start(c -> c.withTrustedProxies(TrustedProxies.parse("MOCKROOM_TRUSTED_PROXIES", "127.0.0.1")))) {
      failUpToTheLimit(server, "203.0.113.7");

      Http.Reply throttled = failedSignIn(server, "203.0.113.7");
      assertThat(throttled.status()).as("one more from 203.0.113.7").isEqualTo(429);
      assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
      // A client cannot escape by writing another address left of the one the proxy appended.
      assertThat(failedSignIn(server, "198.51.100.1, 203.0.113.7").status()).as("spoofed left-most entry").isEqualTo(429);
      // Someone else behind the same proxy is not affected: the same number of failures is allowed.
      assertThat(failedSignIn(server, "203.0.113.8").status()).as("first failure from 203.0.113.8").isEqualTo(401);
      for (int i = 1; i < LIMIT; i++) {
        assertThat(failedSignIn(server, "203.0.113.8").status()).as("failure %d from 203.0.113.8", i + 1).isEqualTo(401);
      }
      // Nor is the proxy's own address (a request that carries no header).
      assertThat(failedSignIn(server, null).status()).as("the proxy itself").isEqualTo(401);
      assertThat(failedSignIn(server, "203.0.113.8").status()).as("one more from 203.0.113.8").isEqualTo(429);
    }
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnoredAndEveryoneIsThePeer() {
    try (TestServer server = TestServer.start(c -> c.withTrustedProxies(TrustedProxies.none()))) {
      for (int i = 0; i < LIMIT; i++) {
        String forwardedFor = i % 2 == 0 ? "203.0.113.7" : "203.0.113.8";
        assertThat(failedSignIn(server, forwardedFor).status()).as("failure %d", i + 1).isEqualTo(401);
      }
      // Both "clients" counted as 127.0.0.1: a third one, and one without the header, are throttled.
      assertThat(failedSignIn(server, "203.0.113.9").status()).isEqualTo(429);
      assertThat(failedSignIn(server, null).status()).isEqualTo(429);
    }
  }
}
