package io.mockroom.cluster;

import io.mockroom.http.Json;
import io.mockroom.room.Connection;
import io.mockroom.room.EncodedMessage;
import io.mockroom.room.ServerMessage;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

/**
 * On the owner node, a participant whose socket is held by another node (its gateway). Frames go
 * over the event bus to that node's socket address; Vert.x keeps the order of messages from one
 * sender to one address, so the participant sees them in the room's order.
 */
final class RemoteConnection implements Connection {
  private final EventBus bus;
  private final String gateway;
  private final String socket;
  private volatile boolean closed;

  RemoteConnection(EventBus bus, String gateway, String socket) {
    this.bus = bus;
    this.gateway = gateway;
    this.socket = socket;
  }

  String gateway() {
    return gateway;
  }

  @Override
  public void send(ServerMessage message) {
    if (!closed) send(Json.encode(message).toString());
  }

  @Override
  public void sendEncoded(EncodedMessage message) {
    send(message.json());
  }

  private void send(String json) {
    if (closed) return;
    bus.send(ClusterRouter.socketsAddress(gateway), json,
        new DeliveryOptions().addHeader("op", "send").addHeader("socket", socket));
  }

  @Override
  public void close(short code, String reason) {
    if (closed) return;
    closed = true;
    bus.send(ClusterRouter.socketsAddress(gateway), reason == null ? "" : reason,
        new DeliveryOptions().addHeader("op", "close").addHeader("socket", socket).addHeader("code", String.valueOf(code)));
  }

  void markClosed() {
    closed = true;
  }

  @Override
  public String id() {
    return gateway + "/" + socket;
  }
}
