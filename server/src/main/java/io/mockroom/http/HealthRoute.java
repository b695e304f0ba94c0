package io.mockroom.http;

import io.mockroom.Version;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Health for people and for orchestrators:
 * <ul>
 *   <li>{@code GET /health}: 200 when the database answers, 503 with the reason when it does not;</li>
 *   <li>{@code GET /health/live}: 200 while the process serves requests at all (a liveness probe
 *       must not restart nodes because Postgres is down: the rooms keep edits and wait);</li>
 *   <li>{@code GET /health/ready}: 200 when this node should get traffic — the database answers and,
 *       in a cluster, the node is a member of it.</li>
 * </ul>
 * {@code cluster} is {@code "up"} or {@code "down"} in the readiness answer of a cluster node, and
 * null everywhere else (a single server has no cluster to report on). Every answer says which build
 * answers: {@code version}, {@code commit} and {@code built} ({@link Version}), so that an operator
 * sees which nodes run which build.
 */
public final class HealthRoute {
  public record Health(String status, String database, String cluster, String version, String commit, String built,
      String message) {
    Health(String status, String database, String cluster, String message) {
      this(status, database, cluster, Version.VERSION, Version.COMMIT, Version.BUILT, message);
    }
  }

  private final Pool pool;
  private final Optional<Supplier<Optional<String>>> clusterProblem;
  /** Why session events cannot be written, while they cannot (a full disk, say): the database may answer meanwhile. */
  private Supplier<Optional<String>> writeProblem = Optional::empty;

  /**
   * {@code clusterProblem} is empty on a single server; on a cluster node it says why this node is
   * not a usable member, or empty when it is.
   */
  public HealthRoute(Pool pool, Optional<Supplier<Optional<String>>> clusterProblem) {
    this.pool = pool;
    this.clusterProblem = clusterProblem;
  }

  public HealthRoute(Pool pool) {
    this(pool, Optional.empty());
  }

  /**
   * {@code /health} is also down while session events cannot be written, with the reason: a
   * database that answers {@code select 1} but has a full disk was reported up while every room
   * showed saving paused. Readiness is not changed by it: no other node would write better.
   */
  public HealthRoute writes(Supplier<Optional<String>> problem) {
    this.writeProblem = problem;
    return this;
  }

  public void mount(Router router) {
    router.get("/health").handler(rc -> database().onComplete(ar -> {
      String db = ar.result() != null ? ar.result()
          : writeProblem.get().map(p -> "Session events cannot be written: " + p).orElse(null);
      Responses.send(rc, db == null ? 200 : 503,
          new Health(db == null ? "up" : "down", db == null ? "up" : "down", null, db));
    }));
    router.get("/health/live").handler(rc -> Responses.send(rc, 200, new Health("up", null, null, null)));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext rc) {
    Optional<String> cluster = clusterProblem.flatMap(Supplier::get);
    String clusterState = clusterProblem.isEmpty() ? null : cluster.isPresent() ? "down" : "up";
    database().onComplete(db -> {
      String problem = db.result() != null ? db.result() : cluster.orElse(null);
      Responses.send(rc, problem == null ? 200 : 503, new Health(problem == null ? "ready" : "not ready",
          db.result() == null ? "up" : "down", clusterState, problem));
    });
  }

  /** Completes with null when the database answers, or with the reason it does not (never fails). */
  private Future<String> database() {
    return pool.query("select 1").execute()
        .timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .map(r -> (String) null)
        .otherwise(e -> "The database does not answer: " + e.getMessage());
  }
}
