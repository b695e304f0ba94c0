package io.mockroom.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses cookie-carrying changes that a browser sends on behalf of another site (CSRF): a
 * non-GET API request whose {@code Origin} is not this server's, or which the browser marks
 * {@code Sec-Fetch-Site: cross-site}. Requests without those headers are not from a browser page
 * of another origin (browsers always send {@code Origin} on cross-origin POSTs).
 */
public final class SameOrigin {
  private SameOrigin() {}

  public static void check(RoutingContext rc) {
    HttpMethod m = rc.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      rc.next();
      return;
    }
    String site = rc.request().getHeader("Sec-Fetch-Site");
    String origin = rc.request().getHeader("Origin");
    String host = rc.request().authority() == null ? null : rc.request().authority().toString();
    boolean crossSite = "cross-site".equals(site);
    boolean foreignOrigin = origin != null && !"null".equals(origin) && host != null
        && !origin.equals("http://" + host) && !origin.equals("https://" + host);
    if (crossSite || foreignOrigin || "null".equals(origin)) {
      rc.fail(new ApiError(403, "cross_origin", "This change must come from a Mockroom page of this server."));
      return;
    }
    rc.next();
  }
}
