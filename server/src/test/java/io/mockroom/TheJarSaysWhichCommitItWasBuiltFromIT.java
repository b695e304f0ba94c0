package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.testing.Folders;
import io.mockroom.testing.Http;
import io.mockroom.testing.JarProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every build said 0.1.0-SNAPSHOT, so operators could not tell two builds apart. The packaged jar
 * now names the commit of the checkout it was built from — in the first line of every start and in
 * every health answer — with "-dirty" when tracked files had changes; a build outside a checkout
 * says "unknown". It named the build only once up, so the log of a failed start did not say which
 * build failed; the first line now does, for a start that fails as for one that comes up.
 */
class TheJarSaysWhichCommitItWasBuiltFromIT {
  /** The checkout the jar was built in: the tests run in server/. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theFirstLineOfAStartAndEveryHealthAnswerNameTheCommit() throws Exception {
    String commit = expectedCommit();
    Path dataDir = Files.createTempDirectory("mockroom-jar-commit");
    JarProcess jar = JarProcess.start(dataDir, Map.of("MOCKROOM_IMPORT_BANK", "false"));
    try {
      for (String path : List.of("/health", "/health/live", "/health/ready")) {
        JsonNode health = Http.get(jar.baseUrl() + path).json();
        assertThat(health.get("version").asText()).as(path).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(health.get("commit").asText()).as(path).isEqualTo(commit);
        assertThat(health.get("built").asText()).as(path).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      }
      String built = Http.get(jar.baseUrl() + "/health").json().get("built").asText();
      String named = commit.equals("unknown") ? "unknown commit" : "commit " + commit;
      List<String> logged = logLines(jar.output());
      assertThat(logged.get(0)).endsWith(" INFO  Main - Starting Mockroom 0.1.0-SNAPSHOT (" + named + ", built " + built + ")");
      assertThat(logged).anyMatch(l -> l.endsWith(" INFO  MockroomServer - Mockroom is up at http://127.0.0.1:" + jar.port() + "/"));
    } finally {
      jar.stop();
      Folders.delete(dataDir);
    }
  }

  /** A start refused by its configuration: its log's first line names the build all the same. */
  @Test
  void aStartThatFailsSaysFirstWhichBuildItWas() throws Exception {
    String commit = expectedCommit();
    JarProcess.Exit exit = JarProcess.runUntilExit(Path.of("/proc/mockroom-cannot-be-here"), Duration.ofSeconds(60));
    assertThat(exit.status()).as("output: " + exit.output()).isEqualTo(2);
    String named = commit.equals("unknown") ? "unknown commit" : "commit " + commit;
    assertThat(logLines(exit.output()).get(0)).contains(" INFO  Main - Starting Mockroom 0.1.0-SNAPSHOT (" + named + ", built ");
    assertThat(exit.output()).anyMatch(l -> l.startsWith("Configuration error: MOCKROOM_DATA_DIR:"));
  }

  /** The lines of the server's log (logback.xml's pattern: they begin with the time), without what the JVM may print. */
  private static List<String> logLines(List<String> output) {
    synchronized (output) {
      return output.stream().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    }
  }

  /**
   * The commit the build was told ({@code mvn -Dmockroom.commit=…}, which the tests see too), or
   * what git says of the checkout now (the build ran in it just before): the short hash, "-dirty"
   * when tracked files differ from it; "unknown" without a checkout (a tarball's build).
   */
  private static String expectedCommit() throws Exception {
    String told = System.getProperty("mockroom.commit", "");
    if (!told.isBlank()) return told;
    if (!Files.exists(ROOT.resolve(".git"))) return "unknown";
    String hash = git("rev-parse", "--short", "HEAD");
    boolean dirty = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
    return dirty ? hash + "-dirty" : hash;
  }

  private static String git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", ROOT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("git " + String.join(" ", args) + " ended").isTrue();
    String text = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + text).isZero();
    return text;
  }
}
