package io.mockroom.testing;

import io.mockroom.config.DatabaseUrl;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Several Mockroom nodes, each its own JVM started from the packaged jar, clustered over
 * 127.0.0.1 (a TCP/IP member list) and sharing one Postgres.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Pattern NODE_ID = Pattern.compile("Cluster node (\\S+) is up");
  private static final Pattern MEMBERS = Pattern.compile("(?m)^mockroom_cluster_members\\S* (\\d+)");

  private final List<JarProcess> nodes;
  /** Each node's data folder, deleted once the nodes are gone. */
  private final List<Path> folders;

  private LocalCluster(List<JarProcess> nodes, List<Path> folders) {
    this.nodes = nodes;
    this.folders = folders;
  }

  /** Starts {@code size} nodes at once on {@code database} and waits until each sees all the others. */
  public static LocalCluster start(int size, DatabaseUrl database) throws Exception {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) ports.add(freePort());
    String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    List<CompletableFuture<JarProcess>> starting = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    for (int port : ports) {
      Path folder = Files.createTempDirectory("mockroom-node");
      folders.add(folder);
      Map<String, String> env = new HashMap<>();
      env.put("MOCKROOM_DATABASE_URL", "postgresql://" + database.user() + ":" + database.password() + "@"
          + database.host() + ":" + database.port() + "/" + database.database());
      env.put("MOCKROOM_CLUSTER", "true");
      env.put("MOCKROOM_CLUSTER_HOST", "127.0.0.1");
      env.put("MOCKROOM_CLUSTER_PORT", String.valueOf(port));
      env.put("MOCKROOM_CLUSTER_MEMBERS", members);
      env.put("MOCKROOM_DB_POOL_SIZE", "4");
      starting.add(CompletableFuture.supplyAsync(() -> {
        try {
          return JarProcess.start(folder, env);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<JarProcess> nodes = new ArrayList<>();
    for (CompletableFuture<JarProcess> f : starting) nodes.add(f.get(4, TimeUnit.MINUTES));
    LocalCluster cluster = new LocalCluster(nodes, folders);
    for (JarProcess n : nodes) cluster.awaitMembers(n, size);
    return cluster;
  }

  public JarProcess node(int i) {
    return nodes.get(i);
  }

  /** The cluster id of a node, as it logged it at start-up. */
  public String nodeId(int i) {
    synchronized (nodes.get(i).output()) {
      for (String line : nodes.get(i).output()) {
        Matcher m = NODE_ID.matcher(line);
        if (m.find()) return m.group(1);
      }
    }
    throw new AssertionError("node " + i + " never logged its id");
  }

  /** Waits (up to a minute) until {@code node} counts {@code expected} members. */
  public void awaitMembers(JarProcess node, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    int seen = -1;
    while (System.nanoTime() < deadline) {
      try {
        Matcher m = MEMBERS.matcher(Http.get(node.baseUrl() + "/metrics").body());
        if (m.find()) {
          seen = (int) Double.parseDouble(m.group(1));
          if (seen == expected) return;
        }
      } catch (RuntimeException notAnswering) {
        // a paused node does not answer; keep asking
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node on port " + node.port() + " saw " + seen + " members, not " + expected);
  }

  @Override
  public void close() throws Exception {
    for (JarProcess n : nodes) {
      try {
        n.resume();
      } catch (Throwable ignored) {
        // not paused, or gone
      }
      n.kill();
    }
    folders.forEach(Folders::delete);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
