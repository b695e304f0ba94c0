package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.RefusedEvents;
import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * web-client/e2e/confirmed-chat.mjs: in Chromium, a chat line sent into a connection that died
 * unnoticed, one whose confirmation is lost (so the page sends it again to a room that has it), and
 * one typed just before a reload are each kept by the page, shown pending, and arrive once when the
 * network is back; a line the database refuses is dropped and the candidate told, not resent. Here:
 * the log holds each line exactly once, and the refused one not at all. Artefacts in
 * server/target/e2e/confirmed-chat.
 */
class AChatLineSentAsItsConnectionDiesArrivesExactlyOnceTest {

  @Test
  void everyLineArrivesOnceWhateverHappenedToItsConnection() throws Exception {
    try (TestServer server = TestServer.start();
         // The database refuses any event holding a marker text, as it would an event it cannot store.
         RefusedEvents refused = RefusedEvents.install(server.database())) {
      BrowserScript.Result r = BrowserScript.run("confirmed-chat.mjs", server.baseUrl(), Path.of("target/e2e/confirmed-chat"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      for (String text : List.of("Sent into a dead line", "Arrived, confirmation lost", "Typed before a reload", "After the refusal")) {
        assertThat(Sql.one(server.database(), "select count(*) from session_events where type = 'chat' and payload ->> 'text' = ?", text))
            .as(text).isEqualTo(1L);
      }
      assertThat(Sql.one(server.database(), "select count(*) from session_events where payload::text like ?", "%" + RefusedEvents.MARKER + "%"))
          .isEqualTo(0L);
    }
  }
}
