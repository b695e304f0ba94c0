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
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    } catch (Exception e) {
      return 0;
    }
  }

  static double cpuSeconds(List<Long> pids) {
    return pids.stream().mapToDouble(ProcStats::cpuSeconds).sum();
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

  /** The postmaster of an embedded Postgres data folder and every process under it. */
  static List<Long> postgres(Path pgData) {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
      return ProcessHandle.of(postmaster).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
          h.descendants().map(ProcessHandle::pid)).toList()).orElse(List.of());
    } catch (Exception e) {
      return List.of();
    }
  }
}
