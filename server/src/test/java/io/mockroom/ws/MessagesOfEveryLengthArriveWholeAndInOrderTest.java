package io.mockroom.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.room.EncodedMessage;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A room socket writes its frames itself ({@link TextFrames}, below Vert.x): every header size of
 * RFC 6455 (7-bit, 16-bit and 64-bit lengths, at their edges) and messages split into several
 * frames, with a character of two, three and four UTF-8 bytes straddling every split, arrive at a
 * real Vert.x client — which checks frames and UTF-8 — whole and in the order they were sent.
 */
class MessagesOfEveryLengthArriveWholeAndInOrderTest {
  static final int MAX = RoomGateway.MAX_FRAME;

  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyLengthArrivesAsItWasSent() throws Exception {
    List<String> sent = new ArrayList<>();
    for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 65_537, MAX - 1, MAX, MAX + 1, 2 * MAX + 5}) {
      sent.add("x".repeat(length));
    }
    // Multi-byte characters across the frame boundaries: é (2 bytes), € (3), 😀 (4, a surrogate pair).
    sent.add("a".repeat(MAX - 1) + "é" + "b".repeat(10));
    sent.add("a".repeat(MAX - 2) + "€€" + "c");
    sent.add("a".repeat(MAX - 3) + "😀" + "a".repeat(MAX - 1) + "😀😀");
    sent.add("{\"type\":\"updates\",\"doc\":\"d\",\"version\":7}");

    HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> {
      WsConnection connection = new WsConnection(ws, "test", new AtomicInteger());
      sent.forEach(m -> connection.sendEncoded(EncodedMessage.of(m)));
    }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);

    List<String> received = new ArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(MAX).setMaxMessageSize(4 * MAX));
    client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort()).setURI("/"))
        .onSuccess(ws -> {
          ws.exceptionHandler(all::completeExceptionally);
          ws.textMessageHandler(text -> {
            received.add(text);
            if (received.size() == sent.size()) all.complete(null);
          });
        })
        .onFailure(all::completeExceptionally);
    all.get(30, TimeUnit.SECONDS);

    assertThat(received).hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(received.get(i)).as("message %d (%d characters)", i, sent.get(i).length()).isEqualTo(sent.get(i));
    }
  }
}
