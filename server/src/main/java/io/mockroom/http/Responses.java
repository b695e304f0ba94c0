package io.mockroom.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Ends a request with a JSON body, or hands the failure to the router's failure handler. */
public final class Responses {
  private Responses() {}

  public static <T> Handler<AsyncResult<T>> json(RoutingContext rc) {
    return json(rc, 200);
  }

  public static <T> Handler<AsyncResult<T>> json(RoutingContext rc, int status) {
    return ar -> {
      if (ar.failed()) {
        rc.fail(ar.cause());
      } else {
        send(rc, status, ar.result());
      }
    };
  }

  public static void send(RoutingContext rc, int status, Object body) {
    if (rc.response().ended()) return;
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Json.encode(body));
  }
}
