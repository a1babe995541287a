package io.github.discordgateway.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per Java thread, to split a run's process CPU between the socket reader, the delivery
 * threads and the rest; whatever the process used beyond the Java threads is the VM's own (GC,
 * JIT).
 */
final class ThreadCpu {

  private final Map<Long, Long> cpuById = new HashMap<>();
  private final Map<Long, String> nameById = new HashMap<>();
  private final Map<Long, Long> allocatedById = new HashMap<>();
  private final long processCpu;

  private ThreadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        cpuById.put(info.getThreadId(), cpu);
        nameById.put(info.getThreadId(), info.getThreadName().replaceAll("\\d+", "#"));
      }
      if (threads instanceof com.sun.management.ThreadMXBean sun) {
        long allocated = sun.getThreadAllocatedBytes(info.getThreadId());
        if (allocated >= 0) {
          allocatedById.put(info.getThreadId(), allocated);
        }
      }
    }
    processCpu = JvmStats.processCpuNanos();
  }

  /** Takes a snapshot. */
  static ThreadCpu snapshot() {
    return new ThreadCpu();
  }

  /**
   * Returns the CPU used since {@code before} per thread group, in nanoseconds per event, with the
   * VM's own threads as {@code (vm: gc, jit)}.
   */
  Map<String, Double> since(ThreadCpu before, long events) {
    Map<String, Double> groups = new TreeMap<>();
    long javaThreads = 0;
    for (Map.Entry<Long, Long> e : cpuById.entrySet()) {
      long delta = e.getValue() - before.cpuById.getOrDefault(e.getKey(), 0L);
      if (delta > 0) {
        javaThreads += delta;
        groups.merge(nameById.get(e.getKey()), (double) delta / events, Double::sum);
      }
    }
    long vm = (processCpu - before.processCpu) - javaThreads;
    groups.put("(vm: gc, jit)", (double) Math.max(0, vm) / events);
    return groups;
  }

  /**
   * Returns the bytes the Java threads allocated since {@code before}, per event (threads that
   * ended in between are not counted), or -1 when the JVM does not report allocation.
   */
  double allocatedSince(ThreadCpu before, long events) {
    if (allocatedById.isEmpty()) {
      return -1;
    }
    long total = 0;
    for (Map.Entry<Long, Long> e : allocatedById.entrySet()) {
      total += Math.max(0, e.getValue() - before.allocatedById.getOrDefault(e.getKey(), 0L));
    }
    return (double) total / events;
  }

  /** Formats the groups using at least 0.05 us per event. */
  static String format(Map<String, Double> groups) {
    StringBuilder text = new StringBuilder();
    groups.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .filter(e -> e.getValue() >= 50)
        .forEach(
            e ->
                text.append(
                    String.format(Locale.ROOT, "%s %.2f us; ", e.getKey(), e.getValue() / 1000)));
    return text.toString();
  }
}
