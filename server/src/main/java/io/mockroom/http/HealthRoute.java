package io.mockroom.http;

import io.mockroom.Version;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** {@code GET /health}: 200 when the database answers, 503 with the reason when it does not. */
public final class HealthRoute {
  public record Health(String status, String database, String version, String message) {}

  private final Pool pool;

  public HealthRoute(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::check);
  }

  private void check(RoutingContext rc) {
    pool.query("select 1").execute()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .onSuccess(r -> Responses.send(rc, 200, new Health("up", "up", Version.VERSION, null)))
        .onFailure(e -> Responses.send(rc, 503, new Health("down", "down", Version.VERSION,
            "The database does not answer: " + e.getMessage())));
  }
}
