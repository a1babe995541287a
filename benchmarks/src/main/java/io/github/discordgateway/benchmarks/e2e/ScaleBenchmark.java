package io.github.discordgateway.benchmarks.e2e;

import java.util.List;
import java.util.Locale;

/**
 * Scale in one JVM: 1,000 shards of one bot (max_concurrency 16, identify window shortened to 150
 * ms) connect from one client JVM to one fake, each with one guild; once idle, the client's used
 * heap after full GCs and its live threads are checked against the targets (heap at most 100 MB, at
 * most 32 threads). The client JVM is {@link MemoryBenchmark}'s, which fails unless every shard is
 * READY with its guilds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.ScaleBenchmark --shards=1000
 * </pre>
 *
 * Options: {@code --shards=1000 --guilds-per-shard=1 --settle-ms=3000
 * --client-jvm-options=-Xmx512m}.
 */
public final class ScaleBenchmark {

  /** Heap target for the idle shards. */
  static final long HEAP_TARGET_BYTES = 100L << 20;

  /** Live thread target. */
  static final int THREAD_TARGET = 32;

  private ScaleBenchmark() {}

  /**
   * Runs the benchmark and prints the figures with the verdict; exits with 1 when a target is
   * missed.
   *
   * @param argv the options
   * @throws Exception when the shards cannot connect
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int shards = args.getInt("shards", 1000);
    List<MemoryBenchmark.Sample> samples =
        MemoryBenchmark.run(
            List.of(shards),
            shards,
            args.getInt("guilds-per-shard", 1),
            args.getLong("settle-ms", 3_000),
            "zlib-stream",
            args.get("client-jvm-options", "-Xmx512m"),
            false);
    MemoryBenchmark.Sample sample = samples.get(0);
    boolean heapMet = sample.heapBytes() <= HEAP_TARGET_BYTES;
    boolean threadsMet = sample.threads() <= THREAD_TARGET;
    System.out.printf(
        Locale.ROOT,
        "%d shards READY in one JVM: heap after GC %.1f MB (target <= 100 MB: %s), RSS %.1f MB,"
            + " live threads %d (target <= %d: %s)%n  threads: %s%n",
        sample.shards(),
        sample.heapBytes() / 1048576.0,
        heapMet ? "met" : "MISSED",
        sample.rssBytes() / 1048576.0,
        sample.threads(),
        THREAD_TARGET,
        threadsMet ? "met" : "MISSED",
        sample.threadGroups());
    if (!heapMet || !threadsMet) {
      System.exit(1);
    }
  }
}
