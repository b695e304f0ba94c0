package io.mockroom.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins for one email (or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one network address, which many people may share; behind
 * a trusted reverse proxy it is the address the proxy forwarded, see {@code http.ClientAddress})
 * within {@link #WINDOW}, each further attempt must wait twice as long as the last, up to
 * {@link #MAX_WAIT}. An attempt counts as failed from the moment it is allowed (see
 * {@link #attempt}); success clears the email's count and takes the attempt back from the address's. Per node, in memory: a
 * restart forgets, which is acceptable for a delay (not a lock-out).
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> byKey = new HashMap<>(); // guarded by this
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Asks to try a password now: zero when the caller may, else how long it must still wait. An
   * attempt allowed counts as failed from this moment until {@link #succeeded} says otherwise, so
   * guesses sent all at once — each allowed before any was checked, as a hash takes a while — are
   * counted as they come, not after the hashing (an audit got 60 parallel guesses through).
   */
  public synchronized Duration attempt(String email, String address) {
    String e = emailKey(email);
    String a = "a:" + address;
    Duration byEmail = waitFor(e, FREE_FAILURES);
    Duration byAddress = waitFor(a, FREE_FAILURES_PER_ADDRESS);
    Duration wait = byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
    if (wait.isZero()) {
      bump(e);
      bump(a);
    }
    return wait;
  }

  /** The attempt was right: the email starts afresh, and the address's count takes back this attempt. */
  public synchronized void succeeded(String email, String address) {
    byKey.remove(emailKey(email));
    byKey.computeIfPresent("a:" + address, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
  }

  private static String emailKey(String email) {
    return "e:" + email.toLowerCase(java.util.Locale.ROOT);
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
