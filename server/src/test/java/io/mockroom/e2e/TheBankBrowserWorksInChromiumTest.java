package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** web-client/e2e/bank-browser.mjs against a real server; screenshots in server/target/e2e/bank. */
class TheBankBrowserWorksInChromiumTest {

  @Test
  void searchFilterOpenReloadErrorsAndWritingQuestionsWorkInARealBrowser() throws Exception {
    try (TestServer server = TestServer.start()) {
      BrowserScript.Result r = BrowserScript.run("bank-browser.mjs", server.baseUrl(), Path.of("target/e2e/bank"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/bank/bank-desktop.png")).exists();
      assertThat(Path.of("target/e2e/bank/bank-phone.png")).exists();
      assertThat(Path.of("target/e2e/bank/bank-new-question.png")).exists();
    }
  }
}
