package io.mockroom.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Postgres text cannot hold U+0000, so a query parameter or path carrying one ({@code ?q=%00})
 * reached the database as a 500; it is a client's mistake and answered as one, before any route.
 * (JSON bodies get U+FFFD in its place instead: {@code Bodies}, as in rooms: {@code collab.Utf16#storable}.)
 */
public final class NoNulInTheAddress {
  private NoNulInTheAddress() {}

  public static void check(RoutingContext rc) {
    boolean nul = rc.normalizedPath().indexOf('\u0000') >= 0
        || rc.queryParams().entries().stream().anyMatch(e -> e.getKey().indexOf('\u0000') >= 0 || e.getValue().indexOf('\u0000') >= 0);
    if (nul) rc.fail(ApiError.badRequest("The address cannot contain the character U+0000 (%00)."));
    else rc.next();
  }
}
