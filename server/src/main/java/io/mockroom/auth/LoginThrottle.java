package io.mockroom.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins for one email (or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one network address, which many people may share; behind
 * a trusted reverse proxy it is the address the proxy forwarded, see {@code http.ClientAddress})
 * within {@link #WINDOW}, each further attempt must wait twice as long as the last, up to
 * {@link #MAX_WAIT}. Success clears the email's count. Per node, in memory: a
 * restart forgets, which is acceptable for a delay (not a lock-out).
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must still wait before trying again; zero when it may try now. */
  public Duration waitFor(String email, String address) {
    Duration a = waitFor("e:" + email.toLowerCase(java.util.Locale.ROOT), FREE_FAILURES);
    Duration b = waitFor("a:" + address, FREE_FAILURES_PER_ADDRESS);
    return a.compareTo(b) >= 0 ? a : b;
  }

  public void failed(String email, String address) {
    bump("e:" + email.toLowerCase(java.util.Locale.ROOT));
    bump("a:" + address);
  }

  public void succeeded(String email) {
    byKey.remove("e:" + email.toLowerCase(java.util.Locale.ROOT));
  }

  private Duration waitFor(String key, int free) {
    Failures f = byKey.get(key);
    Instant now = clock.instant();
    if (f == null || f.count() < free || f.last().plus(WINDOW).isBefore(now)) return Duration.ZERO;
    long seconds = Math.min(MAX_WAIT.toSeconds(), 1L << Math.min(20, f.count() - free));
    Duration left = Duration.between(now, f.last().plusSeconds(seconds));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void bump(String key) {
    Instant now = clock.instant();
    byKey.compute(key, (k, f) -> f == null || f.last().plus(WINDOW).isBefore(now)
        ? new Failures(1, now) : new Failures(f.count() + 1, now));
    if (byKey.size() > 100_000) byKey.entrySet().removeIf(e -> e.getValue().last().plus(WINDOW).isBefore(now));
  }
}
