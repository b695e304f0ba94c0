package io.mockroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mockroom.deploy.DeployFiles.Instruction;
import io.mockroom.deploy.DeployFiles.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images said "unknown commit": the build context leaves {@code .git} out, and the commit had to be
 * passed by hand in {@code MVN_FLAGS}. The image's build command (deploy/README.md) and the compose
 * file now pass {@code MOCKROOM_COMMIT}, and the build stage hands it to Maven as
 * {@code -Dmockroom.commit} — only when given (an empty one would name the commit ""), before
 * {@code MVN_FLAGS} (so one given there still wins), and out of the environment of the jars its
 * tests start (they would warn that it is no setting). No Docker engine runs here: the build
 * stage's RUN is run by {@code /bin/sh} (dash, as in the build image) with a stand-in {@code mvn}
 * that prints what it was given.
 */
class TheImageNamesTheCommitItsBuildIsGivenTest {
  private static final String GIT = "\"$(git describe --always --dirty --exclude='*')\"";

  @TempDir
  Path dir;

  @Test
  void theBuildStageGivesMavenTheCommitOnlyWhenItIsGiven() throws Exception {
    Stage build = DeployFiles.dockerfileStages().stream().filter(s -> mavenRun(s) != null).findFirst()
        .orElseThrow(() -> new AssertionError("no build stage runs `mvn … verify`"));
    String run = mavenRun(build).args();
    List<Instruction> before = build.instructions().subList(0, build.instructions().indexOf(mavenRun(build)));
    assertThat(before).as("ARGs before the build stage's `mvn verify`")
        .anyMatch(i -> i.keyword().equals("ARG") && i.args().equals("MOCKROOM_COMMIT=\"\""));

    assertThat(maven(run, "", "")).containsExactly("-B", "verify", "MOCKROOM_COMMIT unset");
    assertThat(maven(run, "1a2b3c4-dirty", "-DskipTests"))
        .containsExactly("-B", "verify", "-Dmockroom.commit=1a2b3c4-dirty", "-DskipTests", "MOCKROOM_COMMIT unset");
    // Maven takes the last of two -D of one name.
    assertThat(maven(run, "1a2b3c4", "-Dmockroom.commit=told"))
        .containsSubsequence("-Dmockroom.commit=1a2b3c4", "-Dmockroom.commit=told");
  }

  @Test
  void theDocumentedBuildsPassTheCommit() {
    assertThat(DeployFiles.read(DeployFiles.README)).as("deploy/README.md")
        .contains("docker build -f deploy/Dockerfile -t mockroom:latest \\\n  --build-arg MOCKROOM_COMMIT=" + GIT + " .")
        .contains("MOCKROOM_COMMIT=" + GIT + " docker compose -f deploy/docker-compose.yml up --build");
    assertThat(DeployFiles.read(DeployFiles.COMPOSE)).as("docker-compose.yml's command")
        .contains("MOCKROOM_COMMIT=" + GIT);
    assertThat(DeployFiles.composeMockroomServices()).isNotEmpty().allSatisfy((name, service) -> {
      JsonNode commit = service.path("build").path("args").path("MOCKROOM_COMMIT");
      assertThat(commit.asText()).as(name + " build arg MOCKROOM_COMMIT").isEqualTo("${MOCKROOM_COMMIT:-}");
    });
  }

  /** The build stage's RUN of {@code mvn … verify}, or null. */
  private static Instruction mavenRun(Stage stage) {
    return stage.all("RUN").stream().filter(r -> r.args().matches("(?s).*\\bmvn\\b.*\\bverify\\b.*")).findFirst().orElse(null);
  }

  /**
   * What {@code mvn} gets when the RUN runs with these build args (Docker gives a RUN its stage's
   * ARGs as environment variables): its arguments, then whether MOCKROOM_COMMIT is in its environment.
   */
  private List<String> maven(String run, String commit, String mvnFlags) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, """
        #!/bin/sh
        for a in "$@"; do echo "$a"; done
        echo "MOCKROOM_COMMIT ${MOCKROOM_COMMIT-unset}"
        """);
    assertThat(mvn.toFile().setExecutable(true)).isTrue();
    // The command without RUN's own flags (--mount=…); its `test -s` of the jar fails here, after mvn.
    String command = run.replaceFirst("^(--\\S+\\s+)+", "");
    ProcessBuilder sh = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    sh.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    sh.environment().put("MOCKROOM_COMMIT", commit);
    sh.environment().put("MVN_FLAGS", mvnFlags);
    Process p = sh.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(command).isTrue();
    return new ArrayList<>(out.lines().toList());
  }
}
