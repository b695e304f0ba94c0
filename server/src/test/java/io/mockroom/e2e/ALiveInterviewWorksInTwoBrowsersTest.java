package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.Sql;
import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * web-client/e2e/live-room.mjs: an interviewer and a candidate in two Chromium contexts, from
 * sign-up to the end of the session. Screenshots of both views in server/target/e2e/live-room.
 */
class ALiveInterviewWorksInTwoBrowsersTest {

  @Test
  void signUpCreateJoinPushTypeChatReconnectAndEnd() throws Exception {
    try (TestServer server = TestServer.start()) {
      BrowserScript.Result r = BrowserScript.run("live-room.mjs", server.baseUrl(), Path.of("target/e2e/live-room"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/live-room/interviewer-room.png")).exists();
      assertThat(Path.of("target/e2e/live-room/candidate-room.png")).exists();
      // What the browsers did is in the store: the session ended with the typed answer in its log.
      assertThat(Sql.one(server.database(), "select status from sessions")).isEqualTo("ended");
      assertThat((Long) Sql.one(server.database(), "select count(*) from session_events where type = 'doc_update'")).isPositive();
    }
  }
}
