package io.mockroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The embedded Postgres's postmaster is not this JVM's child: when it exits it stays a zombie
 * until its parent reaps it, which can take seconds. {@link ProcessHandle#isAlive()} (and
 * {@code onExit}) count a zombie as running, so every stop of the server waited that long
 * (~1.9 s here). A zombie has ended for anyone waiting to reuse its data folder.
 */
@EnabledOnOs(OS.LINUX)
class AProcessThatExitedButIsNotReapedYetHasEndedTest {

  @Test
  void aZombieHasEndedAndARunningProcessHasNot() throws Exception {
    // The background sleep outlives the shell's exec, so its parent becomes a "sleep 30",
    // which never reaps it: half a second later it is a zombie for the rest of the test.
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.5 & exec sleep 30").start();
    try {
      ProcessHandle zombie = awaitZombieChild(parent.toHandle());
      assertThat(zombie.isAlive()).as("the JDK's view of a zombie").isTrue();
      assertThat(ProcessExit.ended(zombie)).isTrue();
      assertThat(ProcessExit.await(zombie, Duration.ofSeconds(1))).isTrue();

      assertThat(ProcessExit.ended(parent.toHandle())).as("a process still running").isFalse();
      assertThat(ProcessExit.await(parent.toHandle(), Duration.ofMillis(50))).isFalse();
    } finally {
      parent.destroyForcibly().waitFor();
    }
    assertThat(ProcessExit.ended(parent.toHandle())).as("gone once reaped").isTrue();
  }

  /** The parent's child once /proc shows it as a zombie (state Z), within ten seconds. */
  private static ProcessHandle awaitZombieChild(ProcessHandle parent) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = parent.children().findFirst();
      if (child.isPresent()) {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(child.get().pid()), "stat"));
        if (stat.charAt(stat.lastIndexOf(')') + 2) == 'Z') return child.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the background sleep never became a zombie");
  }
}
