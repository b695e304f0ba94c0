package io.mockroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of processes, from /proc (Linux). */
final class ProcStats {
  /** Clock ticks per second of /proc/[pid]/stat times; 100 on every Linux this runs on. */
  static final double TICKS = 100.0;

  private ProcStats() {}

  /** User + system CPU seconds of one process, 0 when it is gone. */
  static double cpuSeconds(long pid) {
    long[] f = statFields(Path.of("/proc", Long.toString(pid), "stat"));
    return f.length == 0 ? 0 : (f[11] + f[12]) / TICKS;
  }

  /**
   * CPU seconds of a process and everything under it, including children that have already
   * exited: each live process's own time plus the time of the children it has reaped
   * ({@code cutime}, {@code cstime}). Postgres forks short-lived processes (autovacuum workers,
   * one per table pass); counting only the processes alive at the start and end of a window would
   * miss those that came and went, or count one that ended as negative time.
   */
  static double treeCpuSeconds(long root) {
    return tree(root).stream().mapToDouble(ProcStats::cpuSecondsWithReapedChildren).sum();
  }

  /** A process and every process under it; empty when it is gone. */
  private static List<Long> tree(long root) {
    if (root <= 0) return List.of();
    return ProcessHandle.of(root).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
        h.descendants().map(ProcessHandle::pid)).toList()).orElse(List.of());
  }

  /** CPU seconds of a HotSpot JVM's JIT compiler threads (C1 and C2). */
  static double jitCpuSeconds(long pid) {
    return threadCpuSeconds(pid, "C1 CompilerThre") + threadCpuSeconds(pid, "C2 CompilerThre");
  }

  private static double cpuSecondsWithReapedChildren(long pid) {
    long[] f = statFields(Path.of("/proc", Long.toString(pid), "stat"));
    return f.length == 0 ? 0 : (f[11] + f[12] + f[13] + f[14]) / TICKS;
  }

  /**
   * CPU seconds of the threads of a process whose name starts with {@code prefix} (Linux cuts a
   * thread's name to 15 characters: HotSpot's JIT threads are "C1 CompilerThre" and "C2
   * CompilerThre"); 0 when it is gone.
   */
  static double threadCpuSeconds(long pid, String prefix) {
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return tasks.mapToDouble(t -> {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (!name.startsWith(prefix)) return 0;
          long[] f = statFields(t.resolve("stat"));
          return f.length == 0 ? 0 : (f[11] + f[12]) / TICKS;
        } catch (Exception e) {
          return 0; // the thread ended
        }
      }).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * The first fields after a /proc stat file's name, up to cstime (f[14]); f[0], the state, is a
   * letter and read as 0. Empty when it is gone.
   */
  private static long[] statFields(Path stat) {
    try {
      String text = Files.readString(stat);
      String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
      long[] out = new long[15];
      for (int i = 1; i < out.length; i++) out[i] = Long.parseLong(f[i]);
      return out;
    } catch (Exception e) {
      return new long[0];
    }
  }

  /** Resident set size in bytes, 0 when it is gone. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (Exception e) {
      // gone
    }
    return 0;
  }

  /** The postmaster of an embedded Postgres data folder, or -1. */
  static long postmaster(Path pgData) {
    try {
      return Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
    } catch (Exception e) {
      return -1;
    }
  }

  /** The postmaster of an embedded Postgres data folder and every process under it. */
  static List<Long> postgres(Path pgData) {
    return tree(postmaster(pgData));
  }
}
