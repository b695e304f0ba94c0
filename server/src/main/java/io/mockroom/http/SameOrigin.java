package io.mockroom.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * Refuses cookie-carrying changes that a browser sends on behalf of another site (CSRF): a
 * non-GET API request whose {@code Origin} is not this server's, or which the browser marks
 * {@code Sec-Fetch-Site: cross-site}. Requests without those headers are not from a browser page
 * of another origin (browsers always send {@code Origin} on cross-origin POSTs). The room
 * gateway asks the same of a cookie-authenticated socket's handshake.
 *
 * <p>This server's origin is the one the request was addressed to ({@code Host}) or, behind a
 * reverse proxy that does not pass the browser's {@code Host} on, {@code MOCKROOM_PUBLIC_URL}'s.
 */
public final class SameOrigin {
  private final Optional<String> publicOrigin;

  public SameOrigin(Optional<URI> publicUrl) {
    this.publicOrigin = publicUrl.map(u -> u.getScheme() + "://" + u.getRawAuthority());
  }

  public void check(RoutingContext rc) {
    HttpMethod m = rc.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      rc.next();
      return;
    }
    String origin = rc.request().getHeader("Origin");
    String host = rc.request().authority() == null ? null : rc.request().authority().toString();
    if ("cross-site".equals(rc.request().getHeader("Sec-Fetch-Site")) || (origin != null && !allows(origin, host))) {
      rc.fail(new ApiError(403, "cross_origin", "This change must come from a Mockroom page of this server."));
      return;
    }
    rc.next();
  }

  /** Whether a page of {@code origin} is this server's, the request being addressed to {@code host} (may be null). */
  public boolean allows(String origin, String host) {
    if (origin.equalsIgnoreCase(publicOrigin.orElse(""))) return true;
    return host != null && !"null".equals(origin) && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
