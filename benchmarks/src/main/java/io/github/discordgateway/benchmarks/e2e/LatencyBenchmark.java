package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.codec.Compression;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency at a steady rate: the fake (in its own JVM) sends MESSAGE_CREATE at {@code rate} events
 * per second to one shard; for each event the time from the frame being received (the transport
 * handing it to the library) to the core listener being invoked. Also reported: the part spent in
 * the delivery hand-off ({@code receivedNanos} to listener) and the reader's work per frame.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     io.github.discordgateway.benchmarks.e2e.LatencyBenchmark --rate=5000 --seconds=30
 * </pre>
 *
 * Options: {@code --rate=5000 --seconds=30 --warmup-seconds=5 --compression=zlib-stream}.
 */
public final class LatencyBenchmark {

  private LatencyBenchmark() {}

  /**
   * Percentiles in microseconds: p50, p99, p99.9 and max.
   *
   * @param p50 median
   * @param p99 99th percentile
   * @param p999 99.9th percentile
   * @param max maximum
   */
  public record Percentiles(double p50, double p99, double p999, double max) {
    static Percentiles of(long[] nanos, int n) {
      long[] sorted = Arrays.copyOf(nanos, n);
      Arrays.sort(sorted);
      return new Percentiles(
          at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[n - 1] / 1000.0);
    }

    private static double at(long[] sorted, double q) {
      int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1000.0;
    }
  }

  /**
   * The outcome.
   *
   * @param events events measured
   * @param achievedRate events per second the fake achieved
   * @param frameToListener frame received to listener invoked
   * @param handOff {@code receivedNanos} (after decode) to listener invoked
   * @param readerPerFrame the reader's time per frame (inflate, decode, enqueue)
   */
  public record Result(
      int events,
      double achievedRate,
      Percentiles frameToListener,
      Percentiles handOff,
      Percentiles readerPerFrame) {}

  /**
   * Runs the benchmark.
   *
   * @param argv the options
   * @throws Exception when the run fails
   */
  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Result result =
        run(
            args.getInt("rate", 5_000),
            args.getInt("seconds", 30),
            args.getInt("warmup-seconds", 5),
            Compression.parse(args.get("compression", "zlib-stream")));
    print(result, System.out);
  }

  /**
   * Runs one warm-up and one measured period.
   *
   * @param rate events per second
   * @param seconds measured seconds
   * @param warmupSeconds warm-up seconds
   * @param compression the transport compression
   * @return the percentiles
   * @throws Exception when the run fails
   */
  public static Result run(int rate, int seconds, int warmupSeconds, Compression compression)
      throws Exception {
    try (FakeGatewayProcess fake =
        FakeGatewayProcess.start(List.of("--identify-window-ms=1", "--guilds-per-shard=0"))) {
      TimestampingTransport transport =
          new TimestampingTransport(
              new SpringWebSocketTransport(
                  SpringWebSocketTransport.standardClient(4), 16 << 20, Duration.ofSeconds(10)));
      EventCounter counter = new EventCounter();
      ClientMode.Target target =
          new ClientMode.Target(fake.gatewayUrl(), fake.token(), compression, transport, 1, 1, -1);
      try (ClientMode.Client client = ClientMode.named("core").connect(target, counter)) {
        if (warmupSeconds > 0) {
          int warmup = rate * warmupSeconds;
          counter.expect(warmup);
          fake.startPaced(0, warmup, rate);
          fake.awaitPaced();
          await(counter, warmup);
        }
        int events = rate * seconds;
        transport.record(events * 2 + 1_000);
        counter.expectRecording(events);
        fake.startPaced(0, events, rate);
        long[] paced = fake.awaitPaced();
        await(counter, events);
        return analyse(events, paced, counter, transport);
      }
    }
  }

  private static void await(EventCounter counter, long events) throws InterruptedException {
    if (!counter.await(Duration.ofSeconds(30))) {
      throw new IllegalStateException("only " + counter.count() + " of " + events + " arrived");
    }
  }

  private static Result analyse(
      int events, long[] paced, EventCounter counter, TimestampingTransport transport) {
    long[] received = counter.received();
    long[] invoked = counter.invoked();
    long[] entered = transport.entered();
    long[] returned = transport.returned();
    int frames = transport.frames();
    long[] frameToListener = new long[events];
    long[] handOff = new long[events];
    long[] perFrame = new long[frames];
    for (int k = 0; k < frames; k++) {
      perFrame[k] = returned[k] - entered[k];
    }
    int matched = 0;
    int k = 0;
    for (int j = 0; j < events; j++) {
      long r = received[j];
      while (k < frames && returned[k] < r) {
        k++;
      }
      if (k < frames && entered[k] <= r) {
        frameToListener[matched] = invoked[j] - entered[k];
        handOff[matched] = invoked[j] - r;
        matched++;
      }
    }
    if (matched < events * 0.99) {
      throw new IllegalStateException("only " + matched + " of " + events + " events matched");
    }
    return new Result(
        matched,
        paced[0] * 1e9 / paced[1],
        Percentiles.of(frameToListener, matched),
        Percentiles.of(handOff, matched),
        Percentiles.of(perFrame, frames));
  }

  static void print(Result r, PrintStream out) {
    out.printf(Locale.ROOT, "%d events at %.0f events/s%n", r.events(), r.achievedRate());
    out.println("| interval | p50 | p99 | p99.9 | max |");
    out.println("|---|---:|---:|---:|---:|");
    row(out, "frame received -> listener invoked", r.frameToListener());
    row(out, "decoded (receivedNanos) -> listener", r.handOff());
    row(out, "reader work per frame", r.readerPerFrame());
  }

  private static void row(PrintStream out, String name, Percentiles p) {
    out.printf(
        Locale.ROOT,
        "| %s | %.1f us | %.1f us | %.1f us | %.1f us |%n",
        name,
        p.p50(),
        p.p99(),
        p.p999(),
        p.max());
  }
}
