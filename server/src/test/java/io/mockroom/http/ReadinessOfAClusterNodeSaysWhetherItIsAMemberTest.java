package io.mockroom.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.config.Config;
import io.mockroom.store.Database;
import io.mockroom.testing.Http;
import io.mockroom.testing.SharedPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The cluster side of the health answers, without starting Hazelcast: the route is given what a
 * cluster node would say about its membership ({@code ClusterNode::problem}).
 */
class ReadinessOfAClusterNodeSaysWhetherItIsAMemberTest {

  @Test
  void aMemberIsReadyWithClusterUpAndANodeOutsideIsNotReadyWithClusterDown() throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, Config.forTests(Path.of("unused")).withDatabaseUrl(SharedPostgres.emptyDatabase()))
        .await(2, TimeUnit.MINUTES);
    AtomicReference<Optional<String>> membership = new AtomicReference<>(Optional.empty());
    try {
      Router router = Router.router(vertx);
      new HealthRoute(db.pool(), Optional.of(membership::get)).mount(router);
      HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);
      String base = "http://127.0.0.1:" + http.actualPort();

      Http.Reply ready = Http.get(base + "/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("status").asText()).isEqualTo("ready");
      assertThat(ready.json().get("cluster").asText()).isEqualTo("up");

      membership.set(Optional.of("This node is not a member of the cluster."));
      Http.Reply notReady = Http.get(base + "/health/ready");
      assertThat(notReady.status()).isEqualTo(503);
      assertThat(notReady.json().get("status").asText()).isEqualTo("not ready");
      assertThat(notReady.json().get("database").asText()).isEqualTo("up");
      assertThat(notReady.json().get("cluster").asText()).isEqualTo("down");
      assertThat(notReady.json().get("message").asText()).isEqualTo("This node is not a member of the cluster.");

      // /health is about the database only, on a cluster node as on a single server.
      Http.Reply health = Http.get(base + "/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("cluster").isNull()).isTrue();
    } finally {
      db.close(vertx).await(30, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
