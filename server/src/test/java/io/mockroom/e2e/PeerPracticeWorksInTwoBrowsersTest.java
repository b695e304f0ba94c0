package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** web-client/e2e/practice.mjs against a real server; screenshots in server/target/e2e/practice. */
class PeerPracticeWorksInTwoBrowsersTest {

  @Test
  void twoColleaguesArePairedAndRunRoundOneInARealBrowser() throws Exception {
    try (TestServer server = TestServer.start()) {
      BrowserScript.Result r = BrowserScript.run("practice.mjs", server.baseUrl(), Path.of("target/e2e/practice"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/practice/practice-paired.png")).exists();
    }
  }
}
