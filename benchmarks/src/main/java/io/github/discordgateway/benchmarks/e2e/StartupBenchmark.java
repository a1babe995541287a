package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.ShardConnected;
import io.github.discordgateway.core.shard.ShardManager;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: {@code shards} shards with {@code max_concurrency} buckets against the fake (in its own
 * JVM, enforcing the real 5-second identify window per bucket): the time from {@link
 * ShardManager#start()} until every shard is READY. With 32 shards and max_concurrency 16 the floor
 * is one window (the second shard of each bucket must wait 5 s after the first).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.StartupBenchmark --shards=32 --max-concurrency=16
 * </pre>
 *
 * Options: {@code --shards=32 --max-concurrency=16 --identify-window-ms=5000
 * --compression=zlib-stream}.
 */
public final class StartupBenchmark {

  private StartupBenchmark() {}

  /**
   * The outcome.
   *
   * @param shards shards started
   * @param maxConcurrency buckets
   * @param allReady time until every shard was READY
   * @param firstReady time until the first shard was READY
   * @param readyTimes each shard's READY time since start, in arrival order
   */
  public record Result(
      int shards,
      int maxConcurrency,
      Duration allReady,
      Duration firstReady,
      List<Duration> readyTimes) {}

  /**
   * Runs the benchmark.
   *
   * @param argv the options
   * @throws Exception when the shards do not start
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Result result =
        run(
            args.getInt("shards", 32),
            args.getInt("max-concurrency", 16),
            args.getLong("identify-window-ms", 5_000),
            Compression.parse(args.get("compression", "zlib-stream")));
    print(result, System.out);
  }

  /**
   * Starts the shards once and measures.
   *
   * @param shards the shard count
   * @param maxConcurrency {@code max_concurrency}
   * @param identifyWindowMs the fake's identify window per bucket
   * @param compression the transport compression
   * @return the timings
   * @throws Exception when the shards do not start
   */
  public static Result run(
      int shards, int maxConcurrency, long identifyWindowMs, Compression compression)
      throws Exception {
    try (FakeGatewayProcess fake =
        FakeGatewayProcess.start(
            List.of(
                "--shards=" + shards,
                "--max-concurrency=" + maxConcurrency,
                "--identify-window-ms=" + identifyWindowMs,
                "--guilds-per-shard=1"))) {
      SpringWebSocketTransport transport =
          new SpringWebSocketTransport(
              SpringWebSocketTransport.standardClient(4), 16 << 20, Duration.ofSeconds(10));
      ClientMode.Target target =
          new ClientMode.Target(
              fake.gatewayUrl(), fake.token(), compression, transport, shards, maxConcurrency, -1);
      ConcurrentLinkedQueue<Long> readyAt = new ConcurrentLinkedQueue<>();
      java.util.concurrent.CountDownLatch allDelivered =
          new java.util.concurrent.CountDownLatch(shards);
      try (ShardManager manager =
          CoreClientMode.build(
              target,
              event -> {
                if (event instanceof ShardConnected) {
                  readyAt.add(System.nanoTime());
                  allDelivered.countDown();
                }
              })) {
        long start = System.nanoTime();
        manager.start().get(60 + 6L * shards / maxConcurrency, TimeUnit.SECONDS);
        long all = System.nanoTime() - start;
        // start() completes on the socket threads; the listener sees READY on a delivery thread
        allDelivered.await(10, TimeUnit.SECONDS);
        List<Duration> times =
            readyAt.stream().map(t -> Duration.ofNanos(t - start)).sorted().toList();
        return new Result(
            shards,
            maxConcurrency,
            Duration.ofNanos(all),
            times.isEmpty() ? Duration.ofNanos(all) : times.get(0),
            times);
      }
    }
  }

  static void print(Result r, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%d shards, max_concurrency %d: all READY after %.2f s (first after %.3f s)%n",
        r.shards(),
        r.maxConcurrency(),
        r.allReady().toNanos() / 1e9,
        r.firstReady().toNanos() / 1e9);
    StringBuilder line = new StringBuilder("READY times (s):");
    for (Duration d : r.readyTimes()) {
      line.append(String.format(Locale.ROOT, " %.2f", d.toNanos() / 1e9));
    }
    out.println(line);
  }
}
