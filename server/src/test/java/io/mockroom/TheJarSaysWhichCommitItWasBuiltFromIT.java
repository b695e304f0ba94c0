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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every build said 0.1.0-SNAPSHOT, so operators could not tell two builds apart. The packaged jar
 * now names the commit of the checkout it was built from — in its start-up line and in every health
 * answer — with "-dirty" when tracked files had changes; a build outside a checkout says "unknown".
 */
class TheJarSaysWhichCommitItWasBuiltFromIT {
  /** The checkout the jar was built in: the tests run in server/. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void theStartUpLineAndEveryHealthAnswerNameTheCommit() throws Exception {
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
      assertThat(List.copyOf(jar.output())).anyMatch(l -> l.contains(
          "Mockroom 0.1.0-SNAPSHOT (" + named + ", built " + built + ") is up at http://127.0.0.1:" + jar.port() + "/"));
    } finally {
      jar.stop();
      Folders.delete(dataDir);
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
