package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.codec.Compression;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput over loopback WebSocket: the fake gateway, in its own JVM, streams N
 * MESSAGE_CREATE (~1.2 KB) to one shard as fast as the socket takes them. Before each measured
 * stream starts, the fake renders and compresses all of it into finished frames, so during the
 * measurement it only writes large buffers (its CPU per event is reported beside the client's).
 * Each client mode receives them over {@link SpringWebSocketTransport} (Tomcat's WebSocket client;
 * the {@code spring} modes use the instance their Boot context auto-configures), except {@code
 * jda}, which is JDA with its own transport, and {@code core-jdk}, which is {@code core} over the
 * JDK's WebSocket client. Every mode and compression has its own connected shard and the measured
 * runs take turns (so load changes on a shared machine hit all alike); the median run is kept.
 * Reported per mode and compression: events per second and this process's CPU time per event (all
 * threads: transport, delivery, GC, JIT), and the ratio to the {@code bare} mode (inflate and count
 * only).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.ThroughputBenchmark \
 *     --compression=zlib-stream,none -Dn=300000
 * </pre>
 *
 * Options: {@code --n=500000} (or {@code -Dn=}), {@code --warmup=200000}, {@code --runs=3}, {@code
 * --modes=bare,core,core-typed,spring,spring-typed,jda} (the default: all of them; {@code core-jdk}
 * runs only when named), {@code --compression=zlib-stream,none}.
 */
public final class ThroughputBenchmark {

  private static volatile String lastThreads = "";

  private ThroughputBenchmark() {}

  /**
   * One measured configuration (the median run).
   *
   * @param mode the client mode
   * @param compression the compression
   * @param events events per run
   * @param eventsPerSecond delivered events per second
   * @param cpuNanosPerEvent client process CPU per event
   * @param fakeCpuNanosPerEvent the fake's process CPU per event
   * @param compressedBytesPerEvent bytes on the wire per event
   * @param allocatedBytesPerEvent bytes the client's Java threads allocated per event (transport,
   *     codec, dispatch, listener), or -1 when the JVM does not report it
   */
  public record Result(
      String mode,
      Compression compression,
      long events,
      double eventsPerSecond,
      double cpuNanosPerEvent,
      double fakeCpuNanosPerEvent,
      double compressedBytesPerEvent,
      double allocatedBytesPerEvent) {}

  /**
   * Runs the benchmark and prints the table.
   *
   * @param argv the options
   * @throws Exception when a run fails
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    List<Result> results =
        run(
            List.of(args.get("modes", String.join(",", ClientMode.NAMES)).split(",")),
            parseCompressions(args.get("compression", "zlib-stream,none")),
            args.getLong("n", 500_000),
            args.getLong("warmup", 200_000),
            args.getInt("runs", 3),
            System.out);
    print(results, System.out);
  }

  static List<Compression> parseCompressions(String list) {
    return Arrays.stream(list.split(",")).map(Compression::parse).toList();
  }

  /**
   * Runs every mode for every compression against one fake process.
   *
   * @param modes client mode names
   * @param compressions compressions
   * @param n events per measured run
   * @param warmup events streamed before measuring
   * @param runs measured runs per configuration (the median is kept)
   * @param log where progress goes
   * @return one result per mode and compression
   * @throws Exception when a run fails
   */
  public static List<Result> run(
      List<String> modes,
      List<Compression> compressions,
      long n,
      long warmup,
      int runs,
      PrintStream log)
      throws Exception {
    List<Result> results = new ArrayList<>();
    int total = modes.size() * compressions.size();
    try (FakeGatewayProcess fake =
        FakeGatewayProcess.start(
            List.of(
                "--shards=" + total,
                "--identify-window-ms=1",
                "--guilds-per-shard=0",
                "--stream-guild=true",
                "--heartbeat-ms=41250"))) {
      SpringWebSocketTransport transport =
          new SpringWebSocketTransport(
              SpringWebSocketTransport.standardClient(4), 16 << 20, Duration.ofSeconds(10));
      // every configuration gets its own shard, all connected at once, and the measured runs take
      // turns, so that a change in the machine's load hits every configuration alike
      List<String> names = new ArrayList<>();
      List<Compression> kinds = new ArrayList<>();
      List<EventCounter> counters = new ArrayList<>();
      List<ClientMode.Client> clients = new ArrayList<>();
      try {
        for (Compression compression : compressions) {
          for (String name : modes) {
            int shard = clients.size();
            EventCounter counter = new EventCounter();
            ClientMode.Target target =
                new ClientMode.Target(
                    fake.gatewayUrl(), fake.token(), compression, transport, total, 1, shard);
            clients.add(ClientMode.named(name).connect(target, counter));
            names.add(name);
            kinds.add(compression);
            counters.add(counter);
          }
        }
        if (warmup > 0) {
          for (int shard = 0; shard < total; shard++) {
            measure(fake, shard, counters.get(shard), warmup);
          }
        }
        List<List<double[]>> samples = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
          samples.add(new ArrayList<>());
        }
        for (int r = 0; r < runs; r++) {
          for (int shard = 0; shard < total; shard++) {
            double[] sample = measure(fake, shard, counters.get(shard), n);
            samples.get(shard).add(sample);
            log.printf(
                Locale.ROOT,
                "# %-12s %-11s run %d: %,.0f events/s, %.2f us CPU/event (fake %.2f us),"
                    + " %,.0f B allocated/event%n",
                names.get(shard),
                label(kinds.get(shard)),
                r + 1,
                sample[0],
                sample[1] / 1000,
                sample[2] / 1000,
                sample[4]);
            log.println("#   per thread: " + lastThreads);
          }
        }
        for (int shard = 0; shard < total; shard++) {
          List<double[]> runsOfShard = samples.get(shard);
          runsOfShard.sort((a, b) -> Double.compare(a[1], b[1]));
          double[] median = runsOfShard.get(runsOfShard.size() / 2);
          results.add(
              new Result(
                  names.get(shard),
                  kinds.get(shard),
                  n,
                  median[0],
                  median[1],
                  median[2],
                  median[3],
                  median[4]));
        }
      } finally {
        for (ClientMode.Client client : clients) {
          client.close();
        }
      }
    }
    return results;
  }

  private static String label(Compression compression) {
    return compression.queryValue() == null ? "none" : compression.queryValue();
  }

  /**
   * Streams {@code n} events and returns events/s, CPU ns/event, fake CPU ns/event, wire bytes per
   * event, allocated bytes per event.
   */
  private static double[] measure(FakeGatewayProcess fake, int shard, EventCounter counter, long n)
      throws Exception {
    // rendered and compressed before the clock starts: the fake then only writes buffers
    fake.prepare(shard, n);
    counter.expect(n);
    long fakeCpu0 = fake.cpuNanos();
    ThreadCpu threads0 = ThreadCpu.snapshot();
    long cpu0 = JvmStats.processCpuNanos();
    long t0 = System.nanoTime();
    long[] streamed = fake.stream(shard, n);
    if (!counter.await(Duration.ofSeconds(60 + n / 2_000))) {
      throw new IllegalStateException(
          "only " + counter.count() + " of " + n + " events arrived (is the client connected?)");
    }
    long t1 = System.nanoTime();
    long cpu1 = JvmStats.processCpuNanos();
    ThreadCpu threads1 = ThreadCpu.snapshot();
    lastThreads = ThreadCpu.format(threads1.since(threads0, n));
    long fakeCpu1 = fake.cpuNanos();
    return new double[] {
      n * 1e9 / (t1 - t0),
      (double) (cpu1 - cpu0) / n,
      (double) (fakeCpu1 - fakeCpu0) / n,
      (double) streamed[2] / streamed[0],
      threads1.allocatedSince(threads0, n)
    };
  }

  /** Prints the results as a Markdown table with the ratio to {@code bare}. */
  static void print(List<Result> results, PrintStream out) {
    out.println();
    out.println(
        "| mode | compression | events/s | client CPU/event | vs bare | fake CPU/event | wire B/event"
            + " | client alloc B/event |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      Result bare =
          results.stream()
              .filter(b -> b.mode().equals("bare") && b.compression() == r.compression())
              .findFirst()
              .orElse(null);
      String ratio =
          bare == null
              ? "-"
              : String.format(Locale.ROOT, "%.2fx", r.cpuNanosPerEvent() / bare.cpuNanosPerEvent());
      out.printf(
          Locale.ROOT,
          "| %s | %s | %,.0f | %.2f us | %s | %.2f us | %.0f | %,.0f |%n",
          r.mode(),
          r.compression().queryValue() == null ? "none" : r.compression().queryValue(),
          r.eventsPerSecond(),
          r.cpuNanosPerEvent() / 1000,
          ratio,
          r.fakeCpuNanosPerEvent() / 1000,
          r.compressedBytesPerEvent(),
          r.allocatedBytesPerEvent());
    }
  }
}
