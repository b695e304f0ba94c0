package io.mockroom.config;

import java.util.List;
import java.util.Optional;

/**
 * How this node joins a cluster ({@code MOCKROOM_CLUSTER*} keys). Nodes find each other through a
 * TCP/IP member list (multicast is never used) or, when {@code kubernetesService} is set, by
 * looking up that headless Service's DNS name.
 *
 * @param enabled whether the node runs clustered at all
 * @param name cluster name; nodes with another name never join
 * @param host address this node binds and advertises to the others (Hazelcast and the event bus)
 * @param port Hazelcast member port
 * @param busPort Vert.x event-bus port; 0 picks a free one
 * @param members where to look for other members ({@code host} or {@code host:port})
 * @param kubernetesService DNS name of a headless Service listing the members
 */
public record ClusterConfig(
    boolean enabled,
    String name,
    String host,
    int port,
    int busPort,
    List<String> members,
    Optional<String> kubernetesService) {

  public static ClusterConfig off() {
    return new ClusterConfig(false, "mockroom", "127.0.0.1", 5701, 0, List.of("127.0.0.1"), Optional.empty());
  }
}
