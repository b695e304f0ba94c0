package io.mockroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockroom.deploy.DeployFiles.Instruction;
import io.mockroom.deploy.DeployFiles.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * server/jvm.options holds the server's JVM options (docs/performance.md, "JIT"); the quick-start
 * script and the image pass it to java, and java accepts every option in it.
 */
public class EveryStartOfTheServerUsesItsJvmOptionsTest {
  static final Path OPTIONS = Path.of("jvm.options").toAbsolutePath();

  /** The options of the file: its lines without comments and blanks. */
  public static List<String> options() {
    return Arrays.stream(DeployFiles.read(OPTIONS).split("\n"))
        .map(l -> l.replaceFirst("#.*", "").trim())
        .filter(l -> !l.isEmpty())
        .toList();
  }

  @Test
  void theJvmAcceptsEveryOptionOfTheFile() throws Exception {
    assertThat(options()).as("options in " + OPTIONS).isNotEmpty().allMatch(o -> o.startsWith("-"));
    // A misspelt -XX option makes java refuse to start at all: check with this very JVM.
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + OPTIONS, "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
    String out = new String(jvm.getInputStream().readAllBytes());
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue()).as(out).isZero();
    // And each -XX option took the value the file gives it.
    for (String option : options()) {
      Matcher valued = Pattern.compile("-XX:(\\w+)=(\\S+)").matcher(option);
      Matcher flag = Pattern.compile("-XX:([+-])(\\w+)").matcher(option);
      if (valued.matches()) {
        assertThat(out).as(option).containsPattern("\\b" + valued.group(1) + "\\s+= " + valued.group(2) + "\\s.*\\{command line\\}");
      } else if (flag.matches()) {
        String value = flag.group(1).equals("+") ? "true" : "false";
        assertThat(out).as(option).containsPattern("\\b" + flag.group(2) + "\\s+= " + value + "\\s.*\\{command line\\}");
      }
    }
  }

  @Test
  void theQuickStartScriptPassesTheFileToJava() {
    String script = DeployFiles.read(Path.of("../mockroom"));
    String exec = Arrays.stream(script.split("\n")).filter(l -> l.startsWith("exec java")).findFirst()
        .orElseThrow(() -> new AssertionError("./mockroom has no `exec java` line"));
    assertThat(DeployFiles.shellWords(exec)).as(exec).containsSubsequence("java", "@server/jvm.options", "-jar");
  }

  @Test
  void theImageCopiesTheFileAndItsEntrypointPassesItToJava() throws Exception {
    List<Stage> stages = DeployFiles.dockerfileStages();
    Stage runtime = stages.get(stages.size() - 1);
    Instruction copy = runtime.all("COPY").stream().filter(c -> c.args().contains("server/jvm.options")).findFirst()
        .orElseThrow(() -> new AssertionError("the runtime stage copies no server/jvm.options"));
    List<String> words = DeployFiles.shellWords(copy.args());
    String target = words.get(words.size() - 1);
    List<String> entrypoint = new ArrayList<>();
    new ObjectMapper().readTree(runtime.last("ENTRYPOINT").map(Instruction::args).orElseThrow())
        .forEach(n -> entrypoint.add(n.asText()));
    assertThat(entrypoint).containsSubsequence("java", "@" + target, "-jar");
  }
}
