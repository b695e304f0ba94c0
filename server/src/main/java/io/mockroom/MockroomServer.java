package io.mockroom;

import io.mockroom.bank.BankSeeder;
import io.mockroom.bank.BankStore;
import io.mockroom.config.Config;
import io.mockroom.http.HealthRoute;
import io.mockroom.http.QuestionRoutes;
import io.mockroom.http.WebApp;
import io.mockroom.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Mockroom: its database, its bank and its HTTP server. {@link #start} is the whole
 * start-up sequence, in order; {@link #close} undoes it.
 */
public final class MockroomServer {
  private static final Logger log = LoggerFactory.getLogger(MockroomServer.class);

  private final Vertx vertx;
  private final Database database;
  private final HttpServer http;

  private MockroomServer(Vertx vertx, Database database, HttpServer http) {
    this.vertx = vertx;
    this.database = database;
    this.http = http;
  }

  public static Future<MockroomServer> start(Vertx vertx, Config config) {
    return Database.open(vertx, config).compose(db -> {
      Future<?> bank = config.importBank() ? BankSeeder.importBundled(vertx, db.pool()) : Future.succeededFuture();
      return bank
          .compose(v -> listen(vertx, config, db))
          .map(http -> new MockroomServer(vertx, db, http))
          .onFailure(e -> db.close(vertx));
    }).onSuccess(s -> log.info("Mockroom {} is up at http://{}:{}/", Version.VERSION,
        config.host().equals("0.0.0.0") ? "localhost" : config.host(), s.port()));
  }

  private static Future<HttpServer> listen(Vertx vertx, Config config, Database db) {
    Router router = WebApp.create(vertx, r -> {
      new HealthRoute(db.pool()).mount(r);
      new QuestionRoutes(new BankStore(db.pool())).mount(r);
    });
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(true);
    return vertx.createHttpServer(options).requestHandler(router).listen()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "Could not listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                + "). Is another server using the port? Set MOCKROOM_PORT to choose another.", e)));
  }

  public int port() {
    return http.actualPort();
  }

  public Database database() {
    return database;
  }

  public Future<Void> close() {
    return http.close().eventually(() -> database.close(vertx));
  }
}
