package io.github.discordgateway.benchmarks.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Process-level figures of this JVM: CPU time, heap after a full GC, RSS and threads. */
final class JvmStats {

  private JvmStats() {}

  /** Returns the CPU time of the whole process (all threads, GC and JIT included). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Runs full GCs until the used heap stops shrinking, and returns it in bytes. */
  static long heapAfterFullGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 6; i++) {
      System.gc();
      Thread.sleep(200);
      used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous - 16 * 1024) {
        break;
      }
      previous = used;
    }
    return used;
  }

  /** Returns the resident set size from {@code /proc/self/status}, or -1 when not on Linux. */
  static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Returns the number of live threads. */
  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Returns the live threads grouped by name with digits removed ({@code pool-#-thread-#}). */
  static Map<String, Integer> threadGroups() {
    Map<String, Integer> groups = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      groups.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
    }
    return groups;
  }
}
