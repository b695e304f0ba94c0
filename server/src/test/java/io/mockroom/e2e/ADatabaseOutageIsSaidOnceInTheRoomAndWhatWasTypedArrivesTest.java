package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mockroom.store.EmbeddedDatabase;
import io.mockroom.testing.Folders;
import io.mockroom.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * web-client/e2e/saving-paused.mjs: the Postgres under a live room stops and starts again while
 * the interviewer and the candidate are in it, each in Chromium. Both hear once that saving paused
 * and once that it works again; what the candidate typed meanwhile stays on their screen, reaches
 * the interviewer once it is stored, and is in the database. The database is this test's own
 * embedded Postgres on a fixed port (as in ADatabaseOutageLosesNoEditTest), stopped and started
 * when the script asks through a switch on 127.0.0.1 ({@code --control}): the script decides when,
 * between its steps, and each request returns once the database has stopped or is up. A failure's
 * screenshots in server/target/e2e/saving-paused.
 */
class ADatabaseOutageIsSaidOnceInTheRoomAndWhatWasTypedArrivesTest {

  @Test
  void bothHearSavingPauseAndComeBackOnceAndTheCandidatesTypingIsKeptAndStored() throws Exception {
    Path dir = Files.createTempDirectory("mockroom-e2e-outage");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AtomicReference<EmbeddedDatabase> pg = new AtomicReference<>(EmbeddedDatabase.start(dir, port));
    TestServer server = null;
    HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.createContext("/database/stop", exchange -> answer(exchange, () -> pg.get().close()));
    control.createContext("/database/start", exchange -> answer(exchange, () -> pg.set(EmbeddedDatabase.start(dir, port))));
    control.start();
    try {
      server = TestServer.startImportingBank(pg.get().url());
      BrowserScript.Result r = BrowserScript.run("saving-paused.mjs", server.baseUrl(), Path.of("target/e2e/saving-paused"),
          "--control", "http://127.0.0.1:" + control.getAddress().getPort());
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
    } finally {
      control.stop(0);
      try {
        if (server != null) server.close();
      } finally {
        pg.get().close();
        Folders.delete(dir);
      }
    }
  }

  /** Runs {@code action} for a POST: 204 once it is done, 500 with the reason if it failed. */
  private static void answer(HttpExchange exchange, Runnable action) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      try {
        action.run();
        exchange.sendResponseHeaders(204, -1);
      } catch (RuntimeException e) {
        byte[] body = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(500, body.length);
        exchange.getResponseBody().write(body);
      }
    }
  }
}
