package io.mockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockroom.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-up, sign-in, sessions, new session, question bank and editor, review and practice, by
 * keyboard and through Chromium's accessibility tree: web-client/e2e/accessibility.mjs, one part
 * per test. Screenshots in server/target/e2e/accessibility.
 */
class ThePagesOutsideTheRoomWorkByKeyboardAndScreenReaderTest {

  @RegisterExtension
  static final TestServer server = TestServer.perClass();

  private static void passes(String part) throws Exception {
    BrowserScript.Result r = BrowserScript.run("accessibility.mjs", server.baseUrl(), Path.of("target/e2e/accessibility"), "--part", part);
    assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
    assertThat(r.output()).contains("[e2e] passed");
  }

  @Test
  void everyFormControlHasAnAccessibleNameAndEveryPageOneHeadingLandmarksAndATitle() throws Exception {
    passes("names"); // and the bank's filters are named by the labels shown above them
  }

  @Test
  void aKeyboardAloneSignsUpCreatesASessionAndSearchesAndOpensTheBank() throws Exception {
    passes("keyboard");
    assertThat(Path.of("target/e2e/accessibility/keyboard-bank.png")).exists();
  }

  @Test
  void formErrorsAreAnnouncedAndTiedToTheirFields() throws Exception {
    passes("errors");
  }

  @Test
  void focusGoesToTheNewPagesHeadingAndToWhatFollowsSavingRemovingInvitingAndPaging() throws Exception {
    passes("focus");
  }

  @Test
  void textAndControlsHaveAaContrastAndNothingIsCutOffAt320PixelsWide() throws Exception {
    passes("layout");
    assertThat(Path.of("target/e2e/accessibility/narrow-new-session.png")).exists();
    assertThat(Path.of("target/e2e/accessibility/narrow-bank.png")).exists();
  }
}
