package io.mockroom.http;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * Absolute links that people share (candidate links, invitations): from {@code MOCKROOM_PUBLIC_URL}
 * when set, else from the address the request came to.
 */
public final class PublicUrls {
  private final Optional<URI> base;

  public PublicUrls(Optional<URI> base) {
    this.base = base;
  }

  public String base(RoutingContext rc) {
    if (base.isPresent()) return base.get().toString();
    String scheme = rc.request().scheme() == null ? "http" : rc.request().scheme();
    return scheme + "://" + rc.request().authority();
  }

  public String invitation(RoutingContext rc, String token) {
    return base(rc) + "/invite/" + token;
  }

  public String candidate(RoutingContext rc, String token) {
    return base(rc) + "/join/" + token;
  }

  public String room(RoutingContext rc, java.util.UUID sessionId) {
    return base(rc) + "/rooms/" + sessionId;
  }
}
