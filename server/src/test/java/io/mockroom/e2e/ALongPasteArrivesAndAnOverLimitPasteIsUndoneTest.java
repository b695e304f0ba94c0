package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * web-client/e2e/long-answers.mjs: a 100,000-character paste reaches the interviewer's screen,
 * the editor scrolls inside itself, a paste over the 256 KiB answer limit is undone (by the
 * browser, and after the server refuses one) and typing afterwards is saved; the review page keeps
 * the long answer in scrolling blocks. Screenshots in server/target/e2e/long-answers.
 */
class ALongPasteArrivesAndAnOverLimitPasteIsUndoneTest {

  @Test
  void pasteLongAnswersAndPastTheLimit() throws Exception {
    try (TestServer server = TestServer.start()) {
      BrowserScript.Result r = BrowserScript.run("long-answers.mjs", server.baseUrl(), Path.of("target/e2e/long-answers"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/long-answers/interviewer-long-answer.png")).exists();
    }
  }
}
