package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.benchmarks.jmh.DecodeCpu;
import io.github.discordgateway.core.codec.Compression;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue #14's targets from one command: the six-mode throughput run (zlib-stream, median of {@code
 * --runs}), the latency run at 5,000 events/s and the idle-shard memory run, each preceded by the
 * machine's load, then one table of every target with the figure measured and whether it is met.
 * The typed decode's own target is {@code jmh.DecodeCpu}'s (a micro-benchmark, not an end-to-end
 * figure).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.PerformanceTargets
 * </pre>
 *
 * Options: {@code --n=200000}, {@code --warmup=100000}, {@code --runs=3}, {@code --rate=5000},
 * {@code --seconds=30}, {@code --shards=10,200}, {@code --skip=latency,memory,decode}.
 */
public final class PerformanceTargets {

  private PerformanceTargets() {}

  /**
   * One target and its outcome.
   *
   * @param target what the issue asks for
   * @param measured the figure of this run
   * @param met whether the figure meets the target
   */
  public record Outcome(String target, String measured, boolean met) {}

  /**
   * Runs everything and prints the progress, each benchmark's table and the target table.
   *
   * @param argv the options
   * @throws Exception when a run fails
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    PrintStream out = System.out;
    String skip = args.get("skip", "");
    out.println("# " + machine());
    out.println("# throughput: " + load());
    List<ThroughputBenchmark.Result> throughput =
        ThroughputBenchmark.run(
            ClientMode.NAMES,
            List.of(Compression.ZLIB_STREAM),
            args.getLong("n", 200_000),
            args.getLong("warmup", 100_000),
            args.getInt("runs", 3),
            out);
    out.println("# throughput done: " + load());
    ThroughputBenchmark.print(throughput, out);
    LatencyBenchmark.Result latency = null;
    if (!skip.contains("latency")) {
      out.println("# latency: " + load());
      latency =
          LatencyBenchmark.run(
              args.getInt("rate", 5_000), args.getInt("seconds", 30), 5, Compression.ZLIB_STREAM);
      LatencyBenchmark.print(latency, out);
    }
    List<MemoryBenchmark.Sample> memory = List.of();
    if (!skip.contains("memory")) {
      out.println("# memory: " + load());
      List<Integer> counts = new ArrayList<>();
      for (String count : args.get("shards", "10,200").split(",")) {
        counts.add(Integer.parseInt(count.trim()));
      }
      memory = MemoryBenchmark.run(counts, 200, 20, 3_000, "zlib-stream", "", false);
      MemoryBenchmark.print(memory, out);
    }
    List<DecodeCpu.Measurement> decodes = new ArrayList<>();
    if (!skip.contains("decode")) {
      out.println("# decode: " + load());
      for (String target : List.of("messageCreate", "memoizedSecondField", "readerContent")) {
        DecodeCpu.Measurement m = DecodeCpu.measure(target, 300_000, 100_000, 5);
        out.printf(
            Locale.ROOT, "%-20s %6.2f us CPU, %,d B%n", target, m.cpuNanos() / 1000, m.bytes());
        decodes.add(m);
      }
    }
    out.println("# done: " + load());
    out.println();
    List<Outcome> outcomes = new ArrayList<>(outcomes(throughput, latency, memory));
    outcomes.addAll(decodeOutcomes(decodes));
    print(outcomes, out);
  }

  /**
   * Compares the figures with the targets.
   *
   * @param throughput the six-mode results
   * @param latency the latency result, {@code null} when skipped
   * @param memory the memory samples (two or more counts), empty when skipped
   * @return one outcome per target that the runs cover
   */
  public static List<Outcome> outcomes(
      List<ThroughputBenchmark.Result> throughput,
      LatencyBenchmark.Result latency,
      List<MemoryBenchmark.Sample> memory) {
    List<Outcome> outcomes = new ArrayList<>();
    ThroughputBenchmark.Result bare = mode(throughput, "bare");
    ThroughputBenchmark.Result spring = mode(throughput, "spring");
    ThroughputBenchmark.Result typed = mode(throughput, "spring-typed");
    ThroughputBenchmark.Result jda = mode(throughput, "jda");
    if (typed != null) {
      double us = typed.cpuNanosPerEvent() / 1000;
      outcomes.add(new Outcome("spring-typed <= 9 us CPU/event", fmt("%.2f us", us), us <= 9));
      outcomes.add(
          new Outcome(
              "spring-typed >= 200,000 events/s",
              fmt("%,.0f events/s", typed.eventsPerSecond()),
              typed.eventsPerSecond() >= 200_000));
    }
    ratio(outcomes, "spring-typed <= 2.5x bare", typed, bare, 2.5);
    ratio(outcomes, "spring <= 1.5x bare", spring, bare, 1.5);
    if (typed != null && jda != null) {
      double times = jda.cpuNanosPerEvent() / typed.cpuNanosPerEvent();
      outcomes.add(
          new Outcome(
              "spring-typed >= 3x less CPU than jda",
              fmt("jda %.2f us: %.2fx", jda.cpuNanosPerEvent() / 1000, times),
              times >= 3));
    }
    if (bare != null) {
      outcomes.add(
          new Outcome(
              "feed: bare >= 300,000 events/s",
              fmt(
                  "%,.0f events/s (fake %.2f us/event)",
                  bare.eventsPerSecond(), bare.fakeCpuNanosPerEvent() / 1000),
              bare.eventsPerSecond() >= 300_000));
    }
    if (latency != null) {
      double p99 = latency.frameToListener().p99();
      outcomes.add(
          new Outcome(
              "p99 frame-to-listener < 1 ms at 5,000 events/s", fmt("%.0f us", p99), p99 < 1_000));
    }
    if (memory.size() >= 2) {
      MemoryBenchmark.Sample low = memory.get(0);
      MemoryBenchmark.Sample high = memory.get(memory.size() - 1);
      double kib = (high.heapBytes() - low.heapBytes()) / 1024.0 / (high.shards() - low.shards());
      outcomes.add(
          new Outcome(
              "heap per idle shard <= 96 KiB (stretch 48)", fmt("%.1f KiB", kib), kib <= 96));
      outcomes.add(
          new Outcome(
              "threads <= 32 at " + high.shards() + " shards",
              Integer.toString(high.threads()),
              high.threads() <= 32));
    }
    return outcomes;
  }

  /**
   * Compares the decode figures with the targets.
   *
   * @param decodes figures of {@code messageCreate}, {@code memoizedSecondField} and {@code
   *     readerContent}, any of them missing
   * @return one outcome per target covered
   */
  public static List<Outcome> decodeOutcomes(List<DecodeCpu.Measurement> decodes) {
    List<Outcome> outcomes = new ArrayList<>();
    for (DecodeCpu.Measurement m : decodes) {
      double us = m.cpuNanos() / 1000;
      double times = (double) m.bytes() / m.payloadBytes();
      switch (m.target()) {
        case "messageCreate" ->
            outcomes.add(
                new Outcome(
                    "MessageCreate full decode <= 3 us and <= 2x the payload allocated",
                    fmt("%.2f us, %,d B (%.2fx of %,d B)", us, m.bytes(), times, m.payloadBytes()),
                    us <= 3 && times <= 2));
        case "memoizedSecondField" ->
            outcomes.add(
                new Outcome(
                    "a second field of a read payload costs nothing",
                    fmt("%.3f us, %,d B", us, m.bytes()),
                    us < 0.05 && m.bytes() == 0));
        case "readerContent" ->
            outcomes.add(
                new Outcome(
                    "(no target) content() on demand from the reader's d",
                    fmt("%.2f us, %,d B", us, m.bytes()),
                    true));
        default -> {
          // a target without an issue figure
        }
      }
    }
    return outcomes;
  }

  private static void ratio(
      List<Outcome> outcomes,
      String target,
      ThroughputBenchmark.Result mode,
      ThroughputBenchmark.Result bare,
      double limit) {
    if (mode != null && bare != null) {
      double times = mode.cpuNanosPerEvent() / bare.cpuNanosPerEvent();
      outcomes.add(
          new Outcome(
              target,
              fmt(
                  "%.2fx (%.2f vs %.2f us)",
                  times, mode.cpuNanosPerEvent() / 1000, bare.cpuNanosPerEvent() / 1000),
              times <= limit));
    }
  }

  private static ThroughputBenchmark.Result mode(
      List<ThroughputBenchmark.Result> results, String name) {
    return results.stream().filter(r -> r.mode().equals(name)).findFirst().orElse(null);
  }

  /** Prints the outcomes as a Markdown table. */
  static void print(List<Outcome> outcomes, PrintStream out) {
    out.println("| Target (issue #14) | Measured | Status |");
    out.println("|---|---|---|");
    for (Outcome o : outcomes) {
      out.printf(
          Locale.ROOT, "| %s | %s | %s |%n", o.target(), o.measured(), o.met() ? "met" : "MISSED");
    }
  }

  private static String fmt(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  /** Describes the machine: CPU model and count, JVM, time. */
  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException | RuntimeException e) {
      // not Linux: the JVM's figures below still say enough
    }
    return fmt(
        "%s, %d CPUs, %s %s, %s",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Instant.now());
  }

  /** Returns the one-minute load average and the time. */
  static String load() {
    return fmt(
        "load average %.2f at %s",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now());
  }
}
