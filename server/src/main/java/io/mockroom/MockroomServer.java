package io.mockroom;

import io.mockroom.bank.AuthoredQuestions;
import io.mockroom.bank.BankSeeder;
import io.mockroom.bank.BankStore;
import io.mockroom.bank.QuestionFile;
import io.mockroom.match.PracticeLobby;
import io.mockroom.auth.AccountStore;
import io.mockroom.auth.LoginThrottle;
import io.mockroom.auth.PasswordHasher;
import io.mockroom.config.Config;
import io.mockroom.config.Secret;
import io.mockroom.http.AuthRoutes;
import io.mockroom.http.Authn;
import io.mockroom.http.ClientAddress;
import io.mockroom.http.MetricsAccess;
import io.mockroom.http.PracticeRoutes;
import io.mockroom.http.PublicUrls;
import io.mockroom.http.NoNulInTheAddress;
import io.mockroom.http.SameOrigin;
import io.mockroom.http.ReviewRoutes;
import io.mockroom.metrics.ServerMetrics;
import io.mockroom.http.SessionRoutes;
import io.mockroom.review.ReviewStore;
import io.mockroom.cluster.ClusterNode;
import io.mockroom.cluster.ClusterRouter;
import io.mockroom.cluster.RoomOwners;
import io.mockroom.room.LocalRoomHandle;
import io.mockroom.room.MemberChanges;
import io.mockroom.room.SessionDeletion;
import io.mockroom.room.RoomRegistry;
import io.mockroom.room.RoomRouter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import io.mockroom.room.SessionRetention;
import io.mockroom.room.SessionStore;
import io.mockroom.store.EventLog;
import io.mockroom.ws.RoomGateway;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
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

  /**
   * How long a stop waits for the event log to write what the rooms had appended. The
   * deployments give a node 30 s between SIGTERM and SIGKILL; the rest is for closing the pools
   * and the embedded Postgres.
   */
  public static final Duration DRAIN_LIMIT = Duration.ofSeconds(20);

  private final Vertx vertx;
  private final Database database;
  private final RoomRegistry registry;
  private final EventLog eventLog;
  private final HttpServer http;
  private final Optional<SessionRetention> retention;
  private final long[] retentionTimers;

  private MockroomServer(Vertx vertx, Database database, RoomRegistry registry, EventLog eventLog, HttpServer http,
                         Optional<SessionRetention> retention) {
    this.vertx = vertx;
    this.database = database;
    this.registry = registry;
    this.eventLog = eventLog;
    this.http = http;
    this.retention = retention;
    this.retentionTimers = retention.map(r -> r.schedule(vertx)).orElse(new long[0]);
  }

  public static Future<MockroomServer> start(Vertx vertx, Config config) {
    return start(vertx, config, Optional.empty());
  }

  /** With a cluster node, rooms are owned cluster-wide and the log is fenced by ownership epoch. */
  public static Future<MockroomServer> start(Vertx vertx, Config config, Optional<ClusterNode> cluster) {
    return Database.open(vertx, config).compose(db -> {
      Future<?> bank = config.importBank() ? BankSeeder.importBundled(vertx, db.pool()) : Future.succeededFuture();
      ServerMetrics metrics = new ServerMetrics();
      EventLog eventLog = new EventLog(vertx, db.eventLogPool(), metrics, cluster.isPresent());
      Optional<RoomOwners> owners = cluster.map(c -> new RoomOwners(c, db.pool(), metrics));
      int shards = Runtime.getRuntime().availableProcessors();
      // Empty on a single server, whose health answers then say "cluster": null.
      Optional<Supplier<Optional<String>>> clusterProblem = cluster.map(c -> c::problem);
      cluster.ifPresent(c -> metrics.gauge("mockroom_cluster_members", "Members of the cluster as this node sees it",
          () -> c.members().size()));
      return bank
          .compose(v -> RoomRegistry.start(vertx, db.pool(), eventLog, shards, metrics,
              owners.<RoomRegistry.Claims>map(o -> o).orElse(RoomRegistry.Claims.NONE)))
          .compose(registry -> (cluster.isPresent()
              ? ClusterRouter.start(cluster.get(), owners.get(), registry).<RoomRouter>map(r -> r)
              : Future.succeededFuture(LocalRoomHandle.router(registry)))
              .compose(rooms -> {
                SessionDeletion deletion = new SessionDeletion(vertx, new SessionStore(db.pool()), registry);
                Optional<SessionRetention> retention = config.retentionDays() == 0 ? Optional.empty()
                    : Optional.of(new SessionRetention(db.pool(), deletion, config.retentionDays()));
                return listen(vertx, config, db, eventLog, rooms, deletion, metrics, clusterProblem)
                    .map(http -> new MockroomServer(vertx, db, registry, eventLog, http, retention));
              }))
          // Stopped before the failure is reported: the caller may exit at once.
          .recover(e -> db.close(vertx).transform(closed -> Future.failedFuture(e)));
    }).onSuccess(s -> log.info("Mockroom is up at http://{}:{}/",
        config.host().equals("0.0.0.0") ? "localhost" : config.host(), s.port()))
        .compose(s -> firstSteps(config, s).map(s));
  }

  /**
   * What an operator needs on a first start and easily misses: where to create the organisation,
   * and that links to share take the browser's address unless MOCKROOM_PUBLIC_URL says otherwise.
   * Never fails the start.
   */
  private static Future<Void> firstSteps(Config config, MockroomServer s) {
    String here = config.publicUrl().map(Object::toString)
        .orElse("http://" + (config.host().equals("0.0.0.0") ? "localhost" : config.host()) + ":" + s.port());
    if (config.publicUrl().isEmpty()) {
      log.info("Links to share (candidate links, invitations) take the address the browser used; set MOCKROOM_PUBLIC_URL"
          + " to the one candidates reach (e.g. https://interviews.example.com) if it is not that");
    }
    return s.database.pool().query("select exists (select 1 from organisations) as any").execute()
        .map(rows -> rows.iterator().next().getBoolean("any"))
        .onSuccess(any -> {
          if (!any) {
            log.info("No organisation yet: open {}/signup to create yours (its first account is the owner); {}", here,
                config.openSignup() ? "anyone who reaches this server may create one (MOCKROOM_OPEN_SIGNUP)"
                    : "everyone after joins through an invitation link (\"Invite a colleague\", on the sessions page)");
          }
        })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private static Future<HttpServer> listen(Vertx vertx, Config config, Database db, EventLog eventLog, RoomRouter rooms,
                                           SessionDeletion deletion, ServerMetrics metrics,
                                           Optional<Supplier<Optional<String>>> clusterProblem) {
    AccountStore accounts = new AccountStore(db.pool());
    SessionStore sessions = new SessionStore(db.pool());
    boolean https = config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
    Authn authn = new Authn(accounts, https);
    PublicUrls urls = new PublicUrls(config.publicUrl());
    PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
    SameOrigin sameOrigin = new SameOrigin(config.publicUrl());
    Router router = WebApp.create(vertx, r -> {
      r.route("/api/*").handler(sameOrigin::check);
      r.route("/api/*").handler(NoNulInTheAddress::check);
      // A file of questions to import may be larger than any other request; its own limit, its own
      // handler (the first one runs) — and only for someone signed in: the request is held, unread,
      // while the login is looked up, so that nobody signed out can make the server take 2 MiB.
      r.post("/api/questions/import").handler(rc -> {
        rc.request().pause(); // the body handler resumes it
        authn.require(rc);
      });
      r.post("/api/questions/import").handler(BodyHandler.create(false).setBodyLimit(QuestionFile.MAX_BYTES));
      r.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(256 * 1024));
      new HealthRoute(db.pool(), clusterProblem).writes(eventLog::failure).mount(r);
      // A scrape formats every meter (~30 KB of text): 10-20 ms of CPU warm, ~150 ms the first
      // time. On a worker thread, so the event loop's rooms do not wait behind it.
      r.get("/metrics").handler(new MetricsAccess(config.metricsToken().map(Secret::value))::check);
      r.get("/metrics").handler(rc -> vertx.executeBlocking(metrics::scrape, false).onComplete(scrape -> {
        if (scrape.failed()) rc.fail(scrape.cause());
        else rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(scrape.result());
      }));
      BankStore bank = new BankStore(db.pool());
      new QuestionRoutes(bank, new AuthoredQuestions(db.pool()), authn).mount(r);
      new PracticeRoutes(new PracticeLobby(vertx, db.pool(), sessions), bank, authn, urls, config.socketSilenceSeconds()).mount(r);
      new AuthRoutes(vertx, accounts, authn, hasher, new LoginThrottle(Clock.systemUTC()), urls,
          new ClientAddress(config.trustedProxies()), config.openSignup()).mount(r);
      new SessionRoutes(sessions, accounts, authn, urls, new MemberChanges(vertx), deletion).mount(r);
      new ReviewRoutes(new ReviewStore(db.pool()), sessions, db.pool(), authn).mount(r);
    });
    RoomGateway gateway = new RoomGateway(vertx, rooms, accounts, sessions, metrics, config.socketSilenceSeconds(), sameOrigin);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(true)
        // Browsers send a message as one frame, so the frame limit equals the message limit; the
        // gateway answers messages over its own 256 KiB limit with an error frame, and closes the
        // socket (1009) on larger ones than this: a frame over it fails in the decoder at its
        // header (nothing of it is buffered), a message in several frames is put together by the
        // gateway up to it. Vert.x's message limit applies only to its own aggregation, which the
        // gateway does not use; it is set alike so that nothing in Vert.x takes more.
        .setMaxWebSocketFrameSize(RoomGateway.MAX_FRAME)
        .setMaxWebSocketMessageSize(RoomGateway.MAX_FRAME)
        // No permessage-deflate: room frames are a few dozen bytes, and each compressed socket
        // keeps its own zlib state (tens of KB) — memory per connection for no gain.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // A connection that sends nothing this long is closed: one that never sends (or never
        // finishes) its request or its WebSocket handshake, an idle keep-alive. Twice the silence
        // limit, so a room socket (the app pings every 20 s) is never cut by it first. Reads only:
        // watching writes too would make Netty track a promise for every frame sent.
        .setReadIdleTimeout(2 * config.socketSilenceSeconds())
        // A peer that does not answer the server's close frame (an abuser that keeps sending)
        // has its TCP connection closed soon after, not Vert.x's default 10 s later.
        .setWebSocketClosingTimeout(RoomGateway.CLOSING_TIMEOUT_SECONDS);
    return vertx.createHttpServer(options)
        .webSocketHandshakeHandler(gateway::handshake)
        .webSocketHandler(ws -> { }) // sockets are set up by the gateway once the handshake is accepted
        .requestHandler(router).listen()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "Could not listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + "). "
                + (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("in use")
                    ? "Is another server using the port? Set MOCKROOM_PORT to choose another."
                    : "Check that MOCKROOM_HOST is an address of this machine, and MOCKROOM_PORT a port it may use."), e)));
  }

  public int port() {
    return http.actualPort();
  }

  public Database database() {
    return database;
  }

  /** The deletion of sessions past their retention, when MOCKROOM_RETENTION_DAYS asks for one. */
  public Optional<SessionRetention> retention() {
    return retention;
  }

  /**
   * Stops in the order that loses nothing: the sockets first (so no edit arrives after), then
   * the rooms finish what the sockets had handed them, then the event log writes it all (up to
   * {@link #DRAIN_LIMIT}), and only then the pools and the embedded Postgres close. Clients see
   * their socket close and reconnect; whatever was not confirmed, they send again.
   */
  public Future<Void> close() {
    return close(DRAIN_LIMIT);
  }

  /** As {@link #close()}, waiting at most {@code drainLimit} for the event log. */
  public Future<Void> close(Duration drainLimit) {
    long started = System.nanoTime();
    for (long timer : retentionTimers) vertx.cancelTimer(timer);
    return http.close()
        .eventually(registry::settled)
        .eventually(() -> eventLog.close(drainLimit, database.pool()))
        .eventually(() -> database.close(vertx))
        .onComplete(ar -> log.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000));
  }
}
