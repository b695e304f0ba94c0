package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An operator's first `./mockroom --help` answered "Configuration error: --help: unknown flag"
 * (only `help` and `-h` as the first word were understood). It prints the usage, also after other
 * flags or the serve command, and starts nothing.
 */
class DashDashHelpPrintsTheUsageInsteadOfAConfigurationErrorTest {

  @Test
  void theUsageIsPrinted() {
    for (String[] args : new String[][] {{"--help"}, {"--port=9000", "--help"}, {"serve", "--help"}, {"-h"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream before = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        Main.main(args);
      } finally {
        System.setOut(before);
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Mockroom — live mock interviews.")
          .contains("java -jar mockroom.jar bank report").doesNotContain("Configuration error");
    }
  }
}
