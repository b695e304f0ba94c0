package io.mockroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.http.Json;
import io.mockroom.room.SessionStore;
import io.mockroom.testing.Http;
import io.mockroom.testing.Interviewer;
import io.mockroom.testing.JarProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Mockroom's load generator (docs/performance.md). R rooms of three participants — interviewer,
 * candidate, observer — joined through the real protocol with real accounts and candidate links;
 * in each room the candidate types one character at a time at the end of the answer, 5 per
 * second, rooms out of step; the others only receive. After a warm-up it measures the end-to-end
 * fan-out latency (the candidate's keystroke to each other participant seeing it), delivered and
 * lost edits, errors, and the CPU and memory of the server (its Postgres included) and of itself.
 *
 * <p>Run with scripts/bench.sh; arguments: {@code --rooms 1000} or {@code --sweep 100,300,1000,2000},
 * {@code --warmup 10 --measure 30}, {@code --idle N} for memory per idle connection, {@code --disk S} for the disk's flush latency
 * alone for S seconds (no server), {@code --dir D} to put the run's data folder (or the disk
 * probe's file) in D rather than the temp folder,
 * {@code --answer N} to start every answer with N characters (its first push, before the window:
 * long answers), {@code --out bench-results.json}.
 */
public final class LoadGenerator {
  record Options(List<Integer> rooms, int warmup, int measure, int idle, int answer, int disk, Path dir, Path out) {}

  record Result(String mode, int rooms, int sockets, double offeredPerSec, double deliveredPerSec, double p50, double p95,
                double p99, double max, long lost, long duplicates, long errors, long disconnects, double serverCpuPercent,
                double cpuMicrosPerDeliveredEdit, double generatorCpuPercent, long serverRssBytes, long postgresRssBytes,
                long heapBytes, long bytesPerIdleConnection, boolean generatorCapped, double postgresCpuPercent,
                double joinP50, double joinP99, long gcPauses, double gcPauseMs, double allocatedBytesPerDeliveredEdit,
                double jitCpuPercent, DiskFlushes disk, double sendMicros) {
    /** The SLO of the sweep: p99 within {@value DiskFlushes#SLO_MS} ms and nothing lost. */
    boolean atSlo() {
      return p99 <= DiskFlushes.SLO_MS && lost == 0;
    }

    /**
     * CPU per delivered edit split three ways: Postgres's (measured), the kernel's work under the
     * server's sends (1.5 a delivered edit, each costing what {@link LoopbackSendCost} measured
     * apart before the run) and what is left, the server's own.
     */
    String cpuPerEditSplit() {
      double postgres = serverCpuPercent == 0 ? 0 : cpuMicrosPerDeliveredEdit * postgresCpuPercent / serverCpuPercent;
      double sends = LoopbackSendCost.SENDS_PER_DELIVERED_EDIT * sendMicros;
      return String.format(java.util.Locale.ROOT, "cpu/edit %.1fus = postgres %.1f + the kernel's sends ~%.1f (1.5 a delivered edit,"
          + " %.1fus each here, measured apart) + the server's own ~%.1f", cpuMicrosPerDeliveredEdit, postgres, sends, sendMicros,
          cpuMicrosPerDeliveredEdit - postgres - sends);
    }
  }

  public static void main(String[] argv) {
    try {
      bench(options(argv));
      System.exit(0);
    } catch (Throwable e) {
      // Vert.x threads would keep the JVM alive after a failed run.
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void bench(Options o) throws Exception {
    List<Result> results = new ArrayList<>();
    if (o.disk() > 0) {
      DiskFlushes alone = diskAlone(o.disk(), o.dir());
      System.out.println("nothing else running: " + alone.describe());
      Files.writeString(o.out(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(alone));
      System.out.println("results written to " + o.out().toAbsolutePath());
      return;
    }
    if (o.idle() > 0) {
      results.add(idle(o.idle()));
    } else {
      for (int r : o.rooms()) {
        Result result = run(r, o.warmup(), o.measure(), o.answer(), o.dir());
        results.add(result);
        print(result);
        if (!result.atSlo()) break; // the next, bigger R would not be at SLO either
      }
      int atSlo = results.stream().filter(Result::atSlo).mapToInt(Result::rooms).max().orElse(0);
      System.out.println("rooms at SLO (p99 <= 50 ms, nothing lost): " + atSlo);
      Result last = results.get(results.size() - 1);
      if (!(last.p99() <= DiskFlushes.SLO_MS) && last.disk() != null && last.disk().boundsTheP99()) {
        System.out.printf(java.util.Locale.ROOT, "  the run at %d rooms was bounded by the disk: its own flushes were over 50 ms for %.0f ms"
            + " of the window (docs/performance.md, \"What it reports\")%n", last.rooms(), last.disk().beyondMs());
      }
    }
    Files.writeString(o.out(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println("results written to " + o.out().toAbsolutePath());
  }

  static void print(Result r) {
    System.out.printf(java.util.Locale.ROOT,
        "rooms=%d offered=%.0f/s delivered=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms lost=%d dup=%d errors=%d "
            + "disconnects=%d join p50=%.1fms p99=%.1fms serverCPU=%.0f%% (postgres %.0f%%) cpu/edit=%.1fus genCPU=%.0f%%%s rss=%dMB pgRss=%dMB heap=%dMB "
            + "gc=%d pauses/%.0fms jit=%.0f%% alloc/edit=%.0fB%n",
        r.rooms(), r.offeredPerSec(), r.deliveredPerSec(), r.p50(), r.p95(), r.p99(), r.max(), r.lost(), r.duplicates(),
        r.errors(), r.disconnects(), r.joinP50(), r.joinP99(), r.serverCpuPercent(), r.postgresCpuPercent(), r.cpuMicrosPerDeliveredEdit(), r.generatorCpuPercent(),
        r.generatorCapped() ? " (CAPPED BY THE GENERATOR)" : "", r.serverRssBytes() >> 20, r.postgresRssBytes() >> 20,
        r.heapBytes() >> 20, r.gcPauses(), r.gcPauseMs(), r.jitCpuPercent(), r.allocatedBytesPerDeliveredEdit());
    if (r.disk() != null) System.out.println("  " + r.disk().describe());
    if (r.sendMicros() > 0) System.out.println("  " + r.cpuPerEditSplit());
  }

  /**
   * The disk's flush latency with nothing else running, for {@code seconds}, in a folder made in
   * {@code dir} (the JVM's temp folder when null): qualifies a machine, or the disk of a data folder.
   */
  static DiskFlushes diskAlone(int seconds, Path dir) throws Exception {
    try (ScratchFolder scratch = scratch(dir, "mockroom-bench-disk");
         DiskFlushProbe probe = DiskFlushProbe.start(scratch.path())) {
      Thread.sleep(seconds * 1000L);
      return probe.stop();
    }
  }

  private static ScratchFolder scratch(Path dir, String prefix) throws java.io.IOException {
    return dir == null ? ScratchFolder.create(prefix) : ScratchFolder.create(dir, prefix);
  }

  /** One room's three sockets and the candidate's typing state. Touched only on the generator's event loop. */
  static final class BenchRoom {
    String sessionId;
    String doc;
    WebSocket staff;
    WebSocket observer;
    WebSocket candidate;
    final String clientId;
    int confirmed; // document version confirmed to the candidate
    /**
     * nanoTime of each typed character, by index: primitives, not a boxed Long per keystroke kept
     * for the whole run — those made every young GC of the generator copy them again (~10 ms
     * pauses at 1,000 rooms, which the latencies it measures then show).
     */
    final LongChunks typedAt = new LongChunks(512);
    boolean inFlight;
    final int[] receivedVersion = new int[2];

    /** Characters of the answer's first push (0: one, like every other). */
    final int answer;

    BenchRoom(int i, int answer) {
      clientId = "bench-" + i;
      this.answer = answer;
    }
  }

  /** The CPU the server (and its Postgres) runs on; scripts/bench.sh pins the generator to CPU 1. */
  static final String SERVER_CPU = "0";

  static Result run(int rooms, int warmupSeconds, int measureSeconds) throws Exception {
    return run(rooms, warmupSeconds, measureSeconds, 0, null);
  }

  /** @param dir where the run's data folder (its Postgres) goes: null for the JVM's temp folder */
  static Result run(int rooms, int warmupSeconds, int measureSeconds, int answer, Path dir) throws Exception {
    // What a send costs the kernel today, measured while the server's core is still free.
    double sendMicros = LoopbackSendCost.microsPerSend(SERVER_CPU, 3, 1000);
    try (ScratchFolder scratch = scratch(dir, "mockroom-bench");
         JarProcess server = JarProcess.startPinned(scratch.path(), SERVER_CPU)) {
      finished = false;
      reports = 0;
      Vertx vertx = Vertx.vertx(generatorOptions());
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(rooms * 3 + 10));
      Interviewer staff = Interviewer.signUp(server.baseUrl(), "Bench");
      String invite = Http.post(server.baseUrl() + "/api/invitations", "{}", staff.cookie()).json().get("token").asText();
      Http.Reply obs = Http.post(server.baseUrl() + "/api/auth/signup", Map.of("invitation", invite, "name", "Observer",
          "email", "observer@bench.local", "password", "bench password"), null);
      String observerCookie = Interviewer.cookie(obs);
      List<Interviewer> creators = interviewers(server.baseUrl(), staff, rooms);
      String question = Http.get(server.baseUrl() + "/api/questions?pageSize=1", staff.cookie()).json().get("items").get(0).get("id").asText();

      List<BenchRoom> all = new ArrayList<>();
      long[] counters = new long[5]; // delivered, errors, disconnects, duplicates-or-gaps, offered
      Latencies[] window = {null};
      Random pings = new Random(43);
      for (int i = 0; i < rooms; i++) {
        Interviewer creator = creators.get(i / ROOMS_PER_ACCOUNT);
        JsonNode s = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "Bench " + i, "candidateName", "Candidate " + i,
            "plan", List.of(Map.of("questionId", question))), creator.cookie()).json();
        String id = s.get("id").asText();
        Http.post(server.baseUrl() + "/api/sessions/" + id + "/members", Map.of("email", "observer@bench.local", "role", "observer"), creator.cookie());
        BenchRoom room = new BenchRoom(i, answer);
        room.sessionId = id;
        all.add(room);
        String token = Interviewer.token(s);
        room.staff = connect(client, server.port(), "/ws/rooms/" + id, creator.cookie()).await(30, TimeUnit.SECONDS);
        room.observer = connect(client, server.port(), "/ws/rooms/" + id, observerCookie).await(30, TimeUnit.SECONDS);
        room.candidate = connect(client, server.port(), "/ws/join/" + token, null).await(30, TimeUnit.SECONDS);
        wire(room, counters, window);
        // Like the browser app, every socket pings every 20 s on its own clock from when it
        // joins (the server closes sockets silent for a minute, and setting up thousands of
        // rooms takes about that long); the phases are spread, as browsers' are.
        for (WebSocket ws : List.of(room.staff, room.observer, room.candidate)) {
          Runnable ping = () -> ws.writeTextMessage("{\"type\":\"ping\",\"t\":0}");
          vertx.setTimer(1 + pings.nextInt(20_000), t -> {
            ping.run();
            vertx.setPeriodic(20_000, p -> ping.run());
          });
        }
        room.staff.writeTextMessage("{\"type\":\"hello\"}");
        room.observer.writeTextMessage("{\"type\":\"hello\"}");
        room.candidate.writeTextMessage("{\"type\":\"hello\",\"name\":\"Candidate\"}");
        room.staff.writeTextMessage("{\"type\":\"start\"}");
        room.staff.writeTextMessage("{\"type\":\"push_question\",\"planIndex\":0}");
      }
      // Wait until every candidate has its document.
      long deadline = System.currentTimeMillis() + 120_000;
      while (all.stream().anyMatch(r -> r.doc == null) && System.currentTimeMillis() < deadline) Thread.sleep(50);
      long open = all.stream().filter(r -> r.doc != null).count();
      if (open < rooms) throw new IllegalStateException("only " + open + " of " + rooms + " rooms opened within two minutes");
      System.out.println("setup: " + rooms + " rooms open");

      startTyping(vertx, all, counters);
      // Join time under load: 20 times a second a new socket joins a random room (as its
      // observer) and is timed from connecting to the welcome (the room's snapshot) arriving.
      // Joins run through the warm-up too (the measured window is the same load, warmed up);
      // only those started in the window are counted.
      Latencies joins = new Latencies();
      boolean[] measuring = {false};
      Random pick = new Random(7);
      long joinTimer = vertx.setPeriodic(50, t -> {
        BenchRoom r = all.get(pick.nextInt(all.size()));
        long t0 = System.nanoTime();
        boolean counted = measuring[0];
        connect(client, server.port(), "/ws/rooms/" + r.sessionId, observerCookie).onSuccess(ws -> {
          ws.textMessageHandler(text -> {
            if (text.startsWith("{\"type\":\"welcome\"")) {
              if (counted && measuring[0]) joins.add((System.nanoTime() - t0) / 1000);
              ws.close();
            }
          });
          ws.writeTextMessage("{\"type\":\"hello\"}");
        }).onFailure(e -> counters[1]++);
      });
      // The server's first scrape of /metrics formats every meter cold (~150 ms of CPU; warm,
      // ~2 ms): scraped every second of the warm-up, as a monitoring system would, so the
      // readings around the window cost what a routine scrape costs.
      for (int s = 0; s < warmupSeconds; s++) {
        Thread.sleep(1000);
        ServerGc.read(server.baseUrl());
      }
      long postmaster = ProcStats.postmaster(scratch.path().resolve("postgres"));
      // When the window opens in the server's clock (seconds since its JVM started), to line
      // the worst moments up with its GC log (-Xlog:gc:...:uptime via MOCKROOM_BENCH_SERVER_JVM).
      ProcessHandle.of(server.pid()).flatMap(h -> h.info().startInstant()).ifPresent(t ->
          System.out.printf(java.util.Locale.ROOT, "window opens at server uptime %.1fs (generator uptime %.1fs)%n",
              java.time.Duration.between(t, java.time.Instant.now()).toMillis() / 1000.0,
              java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
      // The disk's own flushes through the window, to tell its stalls from the server's.
      DiskFlushProbe probe = DiskFlushProbe.start(scratch.path());
      vertx.runOnContext(v -> {
        window[0] = new Latencies();
        counters[0] = 0;
        counters[4] = 0;
        measuring[0] = true;
      });
      ServerGc gc0 = ServerGc.read(server.baseUrl());
      double pgCpu0 = ProcStats.treeCpuSeconds(postmaster);
      double jvmCpu0 = ProcStats.cpuSeconds(server.pid());
      double jitCpu0 = ProcStats.jitCpuSeconds(server.pid());
      double genCpu0 = ProcStats.cpuSeconds(ProcessHandle.current().pid());
      long t0 = System.nanoTime();
      // The server's share of the core (Postgres's in brackets) in each minute of the window.
      StringBuilder cpuPerMinute = new StringBuilder();
      double jvmBefore = jvmCpu0;
      double pgBefore = pgCpu0;
      for (int minute = 1; minute * 60 <= measureSeconds; minute++) {
        Thread.sleep(60_000 - (System.nanoTime() - t0) / 1_000_000 % 60_000);
        double jvmNow = ProcStats.cpuSeconds(server.pid());
        double pgNow = ProcStats.treeCpuSeconds(postmaster);
        cpuPerMinute.append(minute == 1 ? "" : " | ").append(String.format(java.util.Locale.ROOT, "%d: %.0f%% (%.0f%%)",
            minute, 100 * (jvmNow - jvmBefore + pgNow - pgBefore) / 60, 100 * (pgNow - pgBefore) / 60));
        jvmBefore = jvmNow;
        pgBefore = pgNow;
      }
      Thread.sleep(Math.max(0, measureSeconds * 1000L - (System.nanoTime() - t0) / 1_000_000));
      // The window closes on the generator's event loop, where every sample is added: latencies
      // seen after it — while the readings below are taken, which scrape the server's /metrics
      // and sort the samples — are not the window's (they used to be counted).
      io.vertx.core.Promise<Latencies> closing = io.vertx.core.Promise.promise();
      long[] snapshot = new long[counters.length];
      vertx.runOnContext(v -> {
        measuring[0] = false;
        System.arraycopy(counters, 0, snapshot, 0, counters.length);
        closing.complete(window[0]);
        window[0] = null;
      });
      Latencies lat = closing.future().await();
      DiskFlushes disk = probe.stop();
      probe.close();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double pgCpu = ProcStats.treeCpuSeconds(postmaster) - pgCpu0;
      double serverCpu = ProcStats.cpuSeconds(server.pid()) - jvmCpu0 + pgCpu;
      // The JIT compilers' share of the core: still compiling (and recompiling after deoptimizations)
      // tens of seconds into a full load, on the core the event loop and Postgres share.
      double jitCpu = ProcStats.jitCpuSeconds(server.pid()) - jitCpu0;
      double genCpu = ProcStats.cpuSeconds(ProcessHandle.current().pid()) - genCpu0;
      ServerGc gc = ServerGc.read(server.baseUrl()).since(gc0);
      vertx.cancelTimer(joinTimer);
      // Nothing adds to the closed window or to the joins any more.
      System.out.println("worst moments: " + lat.worstSlots(8));
      if (measureSeconds >= 120) {
        System.out.println("per minute (p50/p99/max): " + lat.perMinute(measureSeconds / 60));
        System.out.println("per minute (server CPU, of it Postgres): " + cpuPerMinute);
      }
      double joinP50 = joins.quantileMs(.5);
      double joinP99 = joins.quantileMs(.99);
      finished = true;
      // Let in-flight edits land, then count what never arrived.
      vertx.cancelTimer(-1);
      all.forEach(r -> r.candidate.pause());
      Thread.sleep(2000);
      long lost = 0;
      for (BenchRoom r : all) {
        for (int v : r.receivedVersion) lost += Math.max(0, r.confirmed - v);
      }
      long heap = heap(server.baseUrl());
      Result result = new Result("typing", rooms, rooms * 3, snapshot[4] / seconds, snapshot[0] / seconds, lat.quantileMs(.5),
          lat.quantileMs(.95), lat.quantileMs(.99), lat.quantileMs(1), lost, snapshot[3], snapshot[1], snapshot[2],
          100 * serverCpu / seconds, snapshot[0] == 0 ? 0 : serverCpu * 1e6 / snapshot[0], 100 * genCpu / seconds,
          ProcStats.rss(server.pid()), ProcStats.postgres(scratch.path().resolve("postgres")).stream().mapToLong(ProcStats::rss).sum(),
          heap, 0, genCpu / seconds > 0.9, 100 * pgCpu / seconds, joinP50, joinP99, gc.pauses(), gc.pauseSeconds() * 1000,
          snapshot[0] == 0 ? 0 : gc.allocatedBytes() / snapshot[0], 100 * jitCpu / seconds, disk, sendMicros);
      vertx.close().await(30, TimeUnit.SECONDS);
      return result;
    }
  }

  /** Sessions one account may have open (scheduled or live); more rooms need more interviewers. */
  static final int ROOMS_PER_ACCOUNT = SessionStore.MAX_OPEN_PER_ACCOUNT;

  /**
   * {@code first} and enough colleagues (invited to its organisation) to create {@code rooms}
   * sessions, {@link #ROOMS_PER_ACCOUNT} each: room i belongs to interviewer i / ROOMS_PER_ACCOUNT.
   */
  static List<Interviewer> interviewers(String base, Interviewer first, int rooms) {
    List<Interviewer> all = new ArrayList<>(List.of(first));
    while ((long) all.size() * ROOMS_PER_ACCOUNT < rooms) {
      String invite = Http.post(base + "/api/invitations", "{}", first.cookie()).json().get("token").asText();
      Http.Reply r = Http.post(base + "/api/auth/signup", Map.of("invitation", invite, "name", "Interviewer " + all.size(),
          "email", "interviewer" + all.size() + "@bench.local", "password", "bench password"), null);
      if (r.status() != 201) throw new IllegalStateException("sign-up of interviewer " + all.size() + " failed: " + r.status() + " " + r.body());
      all.add(new Interviewer(base, Interviewer.cookie(r), r.json().get("account")));
    }
    return all;
  }

  static Future<WebSocket> connect(WebSocketClient client, int port, String path, String cookie) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    if (cookie != null) o.addHeader("Cookie", cookie);
    return client.connect(o);
  }

  static void wire(BenchRoom room, long[] counters, Latencies[] window) {
    room.candidate.textMessageHandler(text -> {
      if (UpdatesFrame.is(text)) {
        room.confirmed = UpdatesFrame.version(text);
        room.inFlight = false;
        if (room.typedAt.size() > room.confirmed) push(room, counters);
        return;
      }
      JsonNode m = read(text);
      String type = m.path("type").asText();
      if (type.equals("welcome") && m.hasNonNull("current")) {
        room.doc = m.get("current").get("doc").asText(); // the question was pushed before we joined
      } else if (type.equals("question")) {
        room.doc = m.get("question").get("doc").asText();
      } else if (type.equals("error")) {
        counters[1]++;
        report("candidate of room " + room.sessionId + " got " + text);
        room.inFlight = false;
      }
    });
    WebSocket[] receivers = {room.staff, room.observer};
    for (int k = 0; k < 2; k++) {
      int who = k;
      receivers[k].textMessageHandler(text -> {
        if (!UpdatesFrame.is(text)) {
          if (text.startsWith("{\"type\":\"error\"")) {
            counters[1]++;
            report("receiver of room " + room.sessionId + " got " + text);
          }
          return;
        }
        long now = System.nanoTime();
        int version = UpdatesFrame.version(text);
        int count = UpdatesFrame.count(text);
        if (version != room.receivedVersion[who] + count) counters[3]++; // a gap or a duplicate
        room.receivedVersion[who] = version;
        for (int v = version - count; v < version; v++) {
          counters[0]++;
          if (window[0] != null && v < room.typedAt.size()) window[0].add((now - room.typedAt.get(v)) / 1000);
        }
      });
    }
    for (WebSocket ws : List.of(room.staff, room.observer, room.candidate)) {
      ws.closeHandler(v -> {
        counters[2]++;
        report("a socket of room " + room.sessionId + " closed: " + ws.closeStatusCode() + " " + ws.closeReason());
      });
    }
  }

  private static int reports;
  /** Set once the run's figures are taken: the sockets closing then are the generator's own doing. */
  private static volatile boolean finished;

  /** Errors and disconnects are counted; the first few are also said, so that they can be looked into. */
  static void report(String what) {
    if (!finished && reports++ < 10) System.out.println("! " + what);
  }

  /** Milliseconds between two characters of one candidate: 5 a second. */
  static final int TYPING_PERIOD_MS = 200;

  /**
   * Every candidate types a character every {@link #TYPING_PERIOD_MS}, at a phase of its own
   * within the period (so rooms are not in lock-step). One timer a millisecond types for the
   * rooms whose phase has come, catching up on milliseconds it was late for, rather than a timer
   * per room: 5,000 timer firings a second at 1,000 rooms were a tenth of the generator's core.
   */
  static void startTyping(Vertx vertx, List<BenchRoom> all, long[] counters) {
    List<List<BenchRoom>> byPhase = new ArrayList<>();
    for (int ms = 0; ms < TYPING_PERIOD_MS; ms++) byPhase.add(new ArrayList<>());
    Random random = new Random(42);
    for (BenchRoom room : all) byPhase.get(random.nextInt(TYPING_PERIOD_MS)).add(room);
    long start = System.nanoTime();
    long[] typedUpTo = {-1}; // the last millisecond since start whose rooms have typed
    vertx.setPeriodic(1, t -> {
      long now = (System.nanoTime() - start) / 1_000_000;
      for (long ms = typedUpTo[0] + 1; ms <= now; ms++) {
        for (BenchRoom room : byPhase.get((int) (ms % TYPING_PERIOD_MS))) type(room, counters);
      }
      typedUpTo[0] = now;
    });
  }

  /** The candidate types one character; it is pushed now, or after the push in flight is confirmed. */
  static void type(BenchRoom room, long[] counters) {
    room.typedAt.add(System.nanoTime());
    counters[4]++;
    if (!room.inFlight) push(room, counters);
  }

  /**
   * Pushes every character typed and not yet confirmed. Written as text (the document and client
   * ids are the server's and the generator's plain ASCII, the text is x's): a JSON tree per push
   * was the generator's largest piece of Java work.
   */
  static void push(BenchRoom room, long[] counters) {
    StringBuilder push = new StringBuilder(96).append("{\"type\":\"push\",\"doc\":\"").append(room.doc)
        .append("\",\"version\":").append(room.confirmed).append(",\"updates\":[");
    for (int i = room.confirmed; i < room.typedAt.size(); i++) {
      if (i > room.confirmed) push.append(',');
      // Update i goes at the end: after i characters, or after the long first one and i - 1 more.
      int at = i == 0 || room.answer <= 1 ? i : room.answer + i - 1;
      push.append("{\"clientID\":\"").append(room.clientId).append("\",\"changes\":[");
      if (at > 0) push.append(at).append(',');
      push.append("[0,\"").append(i == 0 && room.answer > 1 ? "x".repeat(room.answer) : "x").append("\"]]}");
    }
    room.inFlight = true;
    room.candidate.writeTextMessage(push.append("]}").toString());
  }

  /** N idle sockets (rooms of three that never type): server memory per connection. */
  static Result idle(int connections) throws Exception {
    try (ScratchFolder scratch = ScratchFolder.create("mockroom-bench-idle");
         JarProcess server = JarProcess.startPinned(scratch.path(), "0")) {
      Vertx vertx = Vertx.vertx(generatorOptions());
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(connections + 10));
      Interviewer staff = Interviewer.signUp(server.baseUrl(), "Idle bench");
      String question = Http.get(server.baseUrl() + "/api/questions?pageSize=1", staff.cookie()).json().get("items").get(0).get("id").asText();
      Thread.sleep(3000);
      long rss0 = ProcStats.rss(server.pid());
      long heap0 = heap(server.baseUrl());
      int rooms = (connections + 2) / 3;
      List<Interviewer> creators = interviewers(server.baseUrl(), staff, rooms);
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < rooms; i++) {
        JsonNode s = Http.post(server.baseUrl() + "/api/sessions", Map.of("title", "Idle " + i, "candidateName", "C",
            "plan", List.of(Map.of("questionId", question))), creators.get(i / ROOMS_PER_ACCOUNT).cookie()).json();
        for (int k = 0; k < 3 && sockets.size() < connections; k++) {
          WebSocket ws = connect(client, server.port(), "/ws/join/" + Interviewer.token(s), null).await(30, TimeUnit.SECONDS);
          ws.writeTextMessage("{\"type\":\"hello\",\"name\":\"Idle\"}");
          sockets.add(ws);
        }
      }
      Thread.sleep(5000);
      long rss = ProcStats.rss(server.pid());
      long heap = heap(server.baseUrl());
      long perConnection = Math.max(rss - rss0, heap - heap0) / connections;
      Result r = new Result("idle", rooms, connections, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rss, 0, heap, perConnection, false, 0, 0, 0, 0, 0, 0, 0, null, 0);
      System.out.printf("idle connections=%d rss %dMB -> %dMB heap %dMB -> %dMB: %d bytes per idle connection%n",
          connections, rss0 >> 20, rss >> 20, heap0 >> 20, heap >> 20, perConnection);
      vertx.close().await(30, TimeUnit.SECONDS);
      return r;
    }
  }

  static long heap(String base) {
    String scrape = Http.get(base + "/metrics").body();
    long sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /**
   * One event loop (the generator is pinned to one core), on Linux's epoll: Java NIO's selector
   * (its wake-ups, update queue and clock reads) took a third of the generator's core at 1,000 rooms.
   */
  static VertxOptions generatorOptions() {
    return new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true);
  }

  static JsonNode read(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Options options(String[] argv) {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    List<Integer> rooms = new ArrayList<>();
    for (String r : a.getOrDefault("sweep", a.getOrDefault("rooms", "100")).split(",")) rooms.add(Integer.parseInt(r.trim()));
    return new Options(rooms, Integer.parseInt(a.getOrDefault("warmup", "10")), Integer.parseInt(a.getOrDefault("measure", "30")),
        Integer.parseInt(a.getOrDefault("idle", "0")), Integer.parseInt(a.getOrDefault("answer", "0")),
        Integer.parseInt(a.getOrDefault("disk", "0")), a.containsKey("dir") ? Path.of(a.get("dir")) : null, Path.of(a.getOrDefault("out", "bench-results.json")));
  }
}
