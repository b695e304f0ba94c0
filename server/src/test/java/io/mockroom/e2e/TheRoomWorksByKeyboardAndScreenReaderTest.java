package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live room, for the interviewer and the candidate, by keyboard and through Chromium's
 * accessibility tree and live regions: web-client/e2e/room-accessibility.mjs, one part per test.
 * Screenshots in server/target/e2e/room-accessibility.
 */
class TheRoomWorksByKeyboardAndScreenReaderTest {

  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  private static void passes(String part) throws Exception {
    BrowserScript.Result r = BrowserScript.run("room-accessibility.mjs", server.baseUrl(), Path.of("target/e2e/room-accessibility"), "--part", part);
    assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
    assertThat(r.output()).contains("[e2e] passed");
  }

  @Test
  void anInterviewIsRunAndTakenByKeyboardWithNamedControlsFocusKeptAndPoliteAnnouncements() throws Exception {
    // Start, push, answer and leave the editor (Escape, Tab), chat, tabs by arrow keys, score, note,
    // end; each hears what the other did, once, and nothing while typing or as the timer ticks.
    passes("interview");
    assertThat(Path.of("target/e2e/room-accessibility/candidate-ended.png")).exists();
  }

  @Test
  void theRoomHasAaContrastAndFitsA640PixelWideWindowAt200PercentZoom() throws Exception {
    passes("layout");
    assertThat(Path.of("target/e2e/room-accessibility/interviewer-640.png")).exists();
    assertThat(Path.of("target/e2e/room-accessibility/candidate-640.png")).exists();
  }
}
