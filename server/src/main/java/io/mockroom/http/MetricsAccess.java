package io.mockroom.http;

import io.mockroom.config.TrustedProxies;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /metrics}: it tells anyone who reads it how many interviews are live, how
 * busy the server is and what runs it, so it is not public.
 *
 * <p>With {@code MOCKROOM_METRICS_TOKEN} set, a scrape must send {@code Authorization: Bearer
 * <token>} (compared in constant time), from anywhere. Without it, only a scraper on this
 * machine is answered: the socket's peer is a loopback address and the request carries no
 * proxy's forwarding header — a reverse proxy on the same machine connects from loopback too, and
 * what it forwards comes from outside.
 */
public final class MetricsAccess {
  private static final String[] FORWARDING_HEADERS = {"X-Forwarded-For", "Forwarded", "X-Real-IP"};

  private final Optional<byte[]> token;

  public MetricsAccess(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  /** A route handler: goes on to the next handler when the caller may read the metrics. */
  public void check(RoutingContext rc) {
    refusal(rc.request()).ifPresentOrElse(rc::fail, rc::next);
  }

  /** Why {@code request} may not read the metrics, or empty when it may. */
  Optional<ApiError> refusal(HttpServerRequest request) {
    if (token.isPresent()) {
      String header = request.getHeader("Authorization");
      boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
      byte[] sent = bearer ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
      return MessageDigest.isEqual(sent, token.get()) ? Optional.empty()
          : Optional.of(new ApiError(401, "metrics_token_needed",
              "/metrics needs this server's MOCKROOM_METRICS_TOKEN, sent as 'Authorization: Bearer <token>'."));
    }
    return fromThisMachine(request) ? Optional.empty()
        : Optional.of(new ApiError(403, "metrics_from_this_machine_only",
            "/metrics answers only scrapes from this machine. To scrape from elsewhere, set MOCKROOM_METRICS_TOKEN"
                + " on the server and send it as 'Authorization: Bearer <token>'."));
  }

  private static boolean fromThisMachine(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    return fromThisMachine(peer == null ? null : peer.hostAddress(), request.headers());
  }

  /** Whether a request from socket peer {@code peer} (an address as text) with {@code headers} was made on this machine. */
  static boolean fromThisMachine(String peer, MultiMap headers) {
    for (String h : FORWARDING_HEADERS) {
      if (headers.contains(h)) return false;
    }
    // A literal address only (a Unix socket's peer, or a name, is not believed): nothing here asks DNS.
    return TrustedProxies.literal(peer).map(InetAddress::isLoopbackAddress).orElse(false);
  }
}
