package io.mockroom.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.mockroom.config.ClusterConfig;
import io.mockroom.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as a member of a Mockroom cluster: a clustered Vert.x on Hazelcast. Members find
 * each other through a TCP/IP list or a Kubernetes headless Service (never multicast), bind only
 * to the configured address, and never phone home. A member that stops answering heartbeats for
 * {@link #HEARTBEAT_TIMEOUT_SECONDS} is removed, which is what starts a failover of its rooms.
 */
public final class ClusterNode {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
  static final int HEARTBEAT_TIMEOUT_SECONDS = 6;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final String nodeId;
  private final List<Consumer<String>> leftListeners = new CopyOnWriteArrayList<>();

  private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
    this.vertx = vertx;
    this.hazelcast = manager.getHazelcastInstance();
    // The Hazelcast member id, not Vert.x's node id: membership events name members by it.
    this.nodeId = hazelcast.getCluster().getLocalMember().getUuid().toString();
    log.info("Cluster node {} is up; {} member(s)", nodeId, hazelcast.getCluster().getMembers().size());
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        log.info("Cluster member joined: {} ({} members)", event.getMember().getAddress(), event.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        String node = event.getMember().getUuid().toString();
        log.warn("Cluster member left: {} ({} members)", event.getMember().getAddress(), event.getMembers().size());
        // Listeners run on an event loop, never on Hazelcast's threads.
        vertx.runOnContext(v -> leftListeners.forEach(l -> l.accept(node)));
      }
    });
  }

  /** Starts a clustered Vert.x for {@code config} and joins the cluster. */
  public static Future<ClusterNode> start(ClusterConfig config, VertxOptions options) {
    String address = address(config.host());
    options.getEventBusOptions().setHost(address).setPort(config.busPort()).setClusterPublicHost(address);
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(config, address));
    log.info("Joining cluster '{}' as {}:{} ({})", config.name(), address, config.port(),
        config.kubernetesService().map(s -> "Kubernetes service " + s).orElse("members " + config.members()));
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
        .map(vertx -> new ClusterNode(vertx, manager));
  }

  static Config hazelcastConfig(ClusterConfig config, String address) {
    Config hz = ConfigUtil.loadConfig(); // Vert.x's own maps (subscriptions, node info) with their backups
    hz.setClusterName(config.name());
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.wait.seconds.before.join", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(HEARTBEAT_TIMEOUT_SECONDS));
    hz.setProperty("hazelcast.local.localAddress", address);
    hz.setProperty("hazelcast.socket.bind.any", "false");
    hz.setProperty("hazelcast.shutdownhook.enabled", "false"); // Main's hook leaves the cluster in order
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(config.port()).setPortAutoIncrement(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (config.kubernetesService().isPresent()) {
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", config.kubernetesService().get())
          .setProperty("service-port", String.valueOf(config.port()));
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(config.members()).setConnectionTimeoutSeconds(2);
    }
    return hz;
  }

  private static String address(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new ConfigException("MOCKROOM_CLUSTER_HOST", "'" + host + "' does not resolve to an address of this machine");
    }
  }

  public Vertx vertx() {
    return vertx;
  }

  public String nodeId() {
    return nodeId;
  }

  HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /** The ids of the current members, this node included. */
  public Set<String> members() {
    return hazelcast.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
  }

  /** Runs {@code listener} (on an event loop) with the id of each member that leaves the cluster. */
  public void onMemberLeft(Consumer<String> listener) {
    leftListeners.add(listener);
  }

  /** Why this node should not get traffic as a cluster member, or empty when it should. */
  public Optional<String> problem() {
    if (!hazelcast.getLifecycleService().isRunning()) return Optional.of("This node is not running in the cluster.");
    if (!members().contains(nodeId)) return Optional.of("This node is not a member of the cluster.");
    return Optional.empty();
  }
}
