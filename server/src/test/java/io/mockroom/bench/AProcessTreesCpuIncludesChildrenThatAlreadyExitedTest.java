package io.mockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's Postgres CPU counts processes that came and went inside the window (autovacuum
 * workers): a tree's CPU is each live process's own time plus the time of children it reaped.
 */
class AProcessTreesCpuIncludesChildrenThatAlreadyExitedTest {
  @Test
  void theTimeOfAChildThatBurnedCpuAndExitedStaysInItsParentsTree() throws Exception {
    // A child shell busy for a moment, reaped by its parent, which then becomes `sleep`.
    Process parent = new ProcessBuilder("sh", "-c",
        "sh -c 'i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done'; exec sleep 30").start();
    try {
      Path comm = Path.of("/proc", Long.toString(parent.pid()), "comm");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(comm).trim().equals("sleep")) {
        assertThat(System.nanoTime()).as("the busy child never finished").isLessThan(deadline);
        Thread.sleep(20);
      }

      double own = ProcStats.cpuSeconds(parent.pid());
      double tree = ProcStats.treeCpuSeconds(parent.pid());
      assertThat(own).as("the parent itself did next to nothing").isLessThan(0.05);
      assertThat(tree).as("the child's busy loop is counted").isGreaterThan(0.1);
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }

  @Test
  void aGoneProcessHasNoTime() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    assertThat(ProcStats.treeCpuSeconds(p.pid())).isZero();
    assertThat(ProcStats.threadCpuSeconds(p.pid(), "C2 CompilerThre")).isZero();
  }
}
