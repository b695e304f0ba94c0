package io.mockroom.bench;

import io.mockroom.testing.Http;

/**
 * The server's garbage collection so far, read from its Prometheus endpoint: pauses, their total
 * time and the bytes allocated. Two readings around the measured window give the window's figures,
 * which drift far less with this machine's speed than latencies do (a change that allocates less
 * shows as fewer pauses however slow the day is).
 */
record ServerGc(long pauses, double pauseSeconds, double allocatedBytes) {

  static ServerGc read(String base) {
    long pauses = 0;
    double seconds = 0;
    double allocated = 0;
    for (String line : Http.get(base + "/metrics").body().split("\n")) {
      double value = line.startsWith("jvm_gc_") ? Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) : 0;
      if (line.startsWith("jvm_gc_pause_seconds_count{")) pauses += (long) value;
      else if (line.startsWith("jvm_gc_pause_seconds_sum{")) seconds += value;
      else if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) allocated += value;
      // The counter above grows only at each young GC (by what was allocated since the last):
      // what the eden holds now was allocated since, and makes the reading exact between GCs.
      else if (line.startsWith("jvm_memory_used_bytes{") && line.toLowerCase(java.util.Locale.ROOT).contains("eden")) {
        allocated += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return new ServerGc(pauses, seconds, allocated);
  }

  ServerGc since(ServerGc earlier) {
    return new ServerGc(pauses - earlier.pauses, pauseSeconds - earlier.pauseSeconds, allocatedBytes - earlier.allocatedBytes);
  }
}
