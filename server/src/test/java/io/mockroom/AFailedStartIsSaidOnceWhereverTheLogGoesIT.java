package io.mockroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mockroom.testing.Folders;
import io.mockroom.testing.JarProcess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A start that fails said "Mockroom could not start: …" twice on a terminal: once in the log
 * (standard output) and once on standard error. It is now said once wherever both streams are
 * read together — one terminal, one pipe (`2>&1`, systemd), or Docker's and Kubernetes' two pipes
 * into one log — and on the terminal as well when the log goes to a file. Each start here fails
 * at once: this test holds the data folder's lock, as a running Mockroom would.
 */
class AFailedStartIsSaidOnceWhereverTheLogGoesIT {
  private static final String SAID = "Mockroom could not start: ";

  private Path dataDir;
  private FileChannel lock;
  private String why;

  @BeforeEach
  void holdTheDataFolder() throws IOException {
    dataDir = Files.createTempDirectory("mockroom-failed-start");
    lock = FileChannel.open(dataDir.resolve("mockroom.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    lock.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    lock.lock();
    why = "Another Mockroom (pid " + ProcessHandle.current().pid() + ") is using " + dataDir.toAbsolutePath()
        + ". Stop it first, or start this one with another MOCKROOM_DATA_DIR.";
  }

  @AfterEach
  void letGo() throws IOException {
    lock.close();
    Folders.delete(dataDir);
  }

  @Test
  void onATerminalItIsSaidOnceByTheLog() throws Exception {
    List<String> terminal = onATerminal("");
    assertThat(saying(terminal)).as("on the terminal: " + terminal).singleElement()
        .satisfies(line -> assertThat(line).contains(" ERROR ").endsWith(SAID + why));
  }

  @Test
  void withTheLogInAFileTheTerminalIsToldToo() throws Exception {
    Path log = dataDir.resolve("out.log");
    List<String> terminal = onATerminal(" > " + quoted(log.toString()));
    assertThat(saying(terminal)).as("on the terminal: " + terminal).containsExactly(SAID + why);
    List<String> logged = Files.readAllLines(log);
    assertThat(saying(logged)).as("in the log: " + logged).singleElement()
        .satisfies(line -> assertThat(line).contains(" ERROR ").endsWith(SAID + why));
  }

  @Test
  void inOnePipeItIsSaidOnce() throws Exception {
    Path both = dataDir.resolve("both.log");
    ProcessBuilder jar = JarProcess.builder(dataDir).redirectOutput(both.toFile());
    assertThat(exitOf(jar)).isEqualTo(1);
    List<String> output = Files.readAllLines(both);
    assertThat(saying(output)).as("output: " + output).singleElement()
        .satisfies(line -> assertThat(line).contains(" ERROR ").endsWith(SAID + why));
  }

  /** Docker and Kubernetes: standard output and error in pipes of their own, shown in one log. */
  @Test
  void inTwoPipesOfAContainerItIsSaidOnce() throws Exception {
    Path out = dataDir.resolve("stdout.log");
    Path err = dataDir.resolve("stderr.log");
    ProcessBuilder jar = JarProcess.builder(dataDir).redirectErrorStream(false)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    assertThat(exitOf(jar)).isEqualTo(1);
    assertThat(saying(Files.readAllLines(out))).singleElement()
        .satisfies(line -> assertThat(line).contains(" ERROR ").endsWith(SAID + why));
    assertThat(saying(Files.readAllLines(err))).as("standard error").isEmpty();
  }

  /** The jar run by `script` on a terminal of its own (standard input, output and error), with {@code redirect} after its command. */
  private List<String> onATerminal(String redirect) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script (util-linux) makes the terminal");
    ProcessBuilder jar = JarProcess.builder(dataDir);
    String command = jar.command().stream().map(AFailedStartIsSaidOnceWhereverTheLogGoesIT::quoted)
        .collect(Collectors.joining(" ")) + redirect;
    Path terminal = dataDir.resolve("terminal.txt");
    jar.command("/usr/bin/script", "--quiet", "--return", "--command", command, "/dev/null").redirectOutput(terminal.toFile());
    assertThat(exitOf(jar)).isEqualTo(1);
    return Files.readAllLines(terminal);
  }

  private static int exitOf(ProcessBuilder jar) throws Exception {
    Process p = jar.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("the refused start was still running after 2 minutes");
    }
    return p.exitValue();
  }

  private static List<String> saying(List<String> lines) {
    return lines.stream().map(String::strip).filter(l -> l.contains(SAID)).toList();
  }

  private static String quoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
