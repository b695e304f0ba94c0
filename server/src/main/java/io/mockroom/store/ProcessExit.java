package io.mockroom.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waiting for a process that is not ours to end — the embedded Postgres's postmaster, which
 * {@code pg_ctl} started detached, so its parent is init rather than this JVM.
 *
 * <p>Not {@link ProcessHandle#onExit()}: for a process that is not a child it polls with sleeps
 * of 300 ms and more, and it counts a zombie as alive. An exited postmaster stays a zombie until
 * init reaps it, which in some containers and VMs takes seconds (measured here: ~1.9 s of every
 * stop of the server was that). A zombie has closed its files and released its locks, so for
 * whoever waits to reuse or delete the data folder it has ended.
 */
final class ProcessExit {
  private ProcessExit() {}

  /** Waits until {@code process} has ended, up to {@code limit}; returns whether it has. */
  static boolean await(ProcessHandle process, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!ended(process)) {
      if (System.nanoTime() - deadline >= 0) return false;
      Thread.sleep(10);
    }
    return true;
  }

  /** Gone, or a zombie (Linux: state Z in /proc/PID/stat) that its parent has not reaped yet. */
  static boolean ended(ProcessHandle process) {
    if (!process.isAlive()) return true;
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // "pid (command) S ...": the command may hold spaces and parentheses, the state follows the last ')'.
      int state = stat.lastIndexOf(')') + 2;
      return state < stat.length() && stat.charAt(state) == 'Z';
    } catch (IOException e) {
      return !process.isAlive(); // gone meanwhile, or no /proc (not Linux): isAlive is all there is
    }
  }
}
