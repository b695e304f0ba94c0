package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** web-client/e2e/question-import.mjs against a real server; screenshots in server/target/e2e/question-import. */
class QuestionsAreImportedAndExportedThroughTheBankInChromiumTest {

  @Test
  void aFileIsPreviewedImportedAndTheQuestionsExportedAgainInARealBrowser() throws Exception {
    try (TestServer server = TestServer.start()) {
      BrowserScript.Result r = BrowserScript.run("question-import.mjs", server.baseUrl(), Path.of("target/e2e/question-import"));
      assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
      assertThat(r.output()).contains("[e2e] passed");
      assertThat(Path.of("target/e2e/question-import/import-refused.png")).exists();
      assertThat(Path.of("target/e2e/question-import/import-preview.png")).exists();
    }
  }
}
