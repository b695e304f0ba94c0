package io.mockroom.testing;

import io.mockroom.config.DatabaseUrl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar started as a user would (its own JVM, embedded Postgres in a data folder). */
public final class JarProcess implements AutoCloseable {
  private static final Pattern UP = Pattern.compile("is up at http://[^:]+:(\\d+)/");
  private static final Pattern PG = Pattern.compile("Embedded Postgres started on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path dataDir;
  private final int port;
  private final int postgresPort;
  private final List<String> output;
  /** Copies the process's output into {@link #output}; it ends after the process's last line. */
  private final Thread reader;

  private JarProcess(Process process, Path dataDir, int port, int postgresPort, List<String> output, Thread reader) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.postgresPort = postgresPort;
    this.output = output;
    this.reader = reader;
  }

  public static Path jar() {
    return Path.of(System.getProperty("mockroom.jar", "target/mockroom.jar"));
  }

  public static JarProcess start(Path dataDir) throws Exception {
    return startPinned(dataDir, null);
  }

  /** Starts the jar pinned to the given CPUs with taskset (when taskset exists), for benchmarks. */
  public static JarProcess startPinned(Path dataDir, String cpus) throws Exception {
    return start(dataDir, cpus, Map.of());
  }

  /**
   * Starts the jar with extra environment ({@code MOCKROOM_*} keys), e.g. a shared database and
   * cluster settings; {@code MOCKROOM_DATABASE_URL} in {@code env} replaces the embedded Postgres.
   */
  public static JarProcess start(Path dataDir, Map<String, String> env) throws Exception {
    return start(dataDir, null, env);
  }

  /** What a start that ends by itself (a refused one) printed, and its exit status. */
  public record Exit(int status, List<String> output) {}

  /** Starts the jar on {@code dataDir} and waits for it to exit, as a start that must be refused does. */
  public static Exit runUntilExit(Path dataDir, java.time.Duration limit) throws Exception {
    Process p = builder(dataDir, null, Map.of()).start();
    List<String> output = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          System.out.println("[refused] " + line);
          synchronized (output) {
            output.add(line);
          }
        }
      } catch (Exception ignored) {
        // the process ended
      }
    }, "jar-output");
    reader.start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("the jar was still running after " + limit + ": " + output);
    }
    reader.join(10_000);
    synchronized (output) {
      return new Exit(p.exitValue(), List.copyOf(output));
    }
  }

  private static JarProcess start(Path dataDir, String cpus, Map<String, String> env) throws Exception {
    Process p = builder(dataDir, cpus, env).start();
    String label = env.getOrDefault("MOCKROOM_CLUSTER_PORT", "jar");
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Integer> pgPort = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          System.out.println("[" + label + "] " + line);
          output.add(line);
          Matcher m = UP.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
          Matcher pg = PG.matcher(line);
          if (pg.find()) pgPort.complete(Integer.parseInt(pg.group(1)));
        }
      } catch (Exception ignored) {
        // the process ended
      }
      port.completeExceptionally(new AssertionError("the server ended before it was up: " + output));
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
    int httpPort = port.get(3, TimeUnit.MINUTES);
    return new JarProcess(p, dataDir, httpPort, pgPort.getNow(-1), output, reader);
  }

  /**
   * The jar's start as the methods above make it (the process's standard output and error in one
   * pipe), for a test that runs it another way: on a terminal, say.
   */
  public static ProcessBuilder builder(Path dataDir) {
    return builder(dataDir, null, Map.of());
  }

  private static ProcessBuilder builder(Path dataDir, String cpus, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    if (cpus != null && Path.of("/usr/bin/taskset").toFile().canExecute()) command.addAll(List.of("/usr/bin/taskset", "-c", cpus));
    // The server's JVM: this one's, or -Dmockroom.serverJava=/path/to/bin/java (benchmarks: another JDK).
    String java = System.getProperty("mockroom.serverJava", "").trim();
    command.add(java.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java);
    // The server's own JVM options, as ./mockroom and the image pass them: the jvm.options of the
    // module that built the jar (server/target/mockroom.jar -> server/jvm.options), when there is one.
    Path options = jar().toAbsolutePath().getParent().resolveSibling("jvm.options");
    if (Files.isRegularFile(options)) command.add("@" + options);
    // Extra JVM options for the server, e.g. -Dmockroom.serverJvm="-XX:+UseZGC" (benchmarks).
    String extra = System.getProperty("mockroom.serverJvm", "").trim();
    if (!extra.isEmpty()) command.addAll(List.of(extra.split("\\s+")));
    command.addAll(List.of("-jar", jar().toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MOCKROOM_DATA_DIR", dataDir.toString());
    pb.environment().put("MOCKROOM_PORT", "0");
    pb.environment().put("MOCKROOM_HOST", "127.0.0.1");
    pb.environment().put("MOCKROOM_PASSWORD_ITERATIONS", "10000");
    pb.environment().remove("MOCKROOM_DATABASE_URL");
    // Tests sign up an organisation each; AnUnopenedServerTakesOnlyItsFirstOrganisationTest the default.
    pb.environment().put("MOCKROOM_OPEN_SIGNUP", "true");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    return pb;
  }

  public int port() {
    return port;
  }

  /** The server JVM's pid (taskset execs into it, so it is the same process). */
  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The embedded Postgres of this process, to read what it stored (with the password the server keeps in its data folder). */
  public DatabaseUrl database() {
    try {
      String password = Files.readString(dataDir.resolve("postgres").resolve("superuser-password")).trim();
      return new DatabaseUrl("127.0.0.1", postgresPort, "postgres", "postgres", password);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every line printed so far; after {@link #stop} or {@link #kill}, all of them. */
  public List<String> output() {
    return output;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws Exception {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
  }

  /** SIGSTOP: the process freezes (as in a long GC pause or a VM migration) until {@link #resume}. */
  public void pause() throws Exception {
    signal("STOP");
  }

  /** SIGCONT after {@link #pause}. */
  public void resume() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) throw new AssertionError("kill -" + name + " failed");
  }

  /** SIGTERM: the shutdown hook stops the HTTP server and Postgres. */
  public void stop() throws Exception {
    // Not Process.destroy(): it also closes this side's end of the output pipe, and what the
    // server logs while it stops would be lost.
    signal("TERM");
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("server did not stop within a minute");
    reader.join(10_000); // its last lines (the shutdown's) may still be in the pipe
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) stop();
  }
}
