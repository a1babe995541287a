package io.github.discordgateway.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.Compression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Small runs of every end-to-end benchmark, so that they keep working: each starts the fake gateway
 * in a child JVM and measures a few seconds' worth. The figures are not checked against targets
 * here (the machine running the build may be busy), only that each benchmark measures something.
 */
class EndToEndSmokeTest {

  @Test
  @DisplayName(
      "throughput: bare, core, Spring and JDA clients receive every streamed event, both compressions")
  void throughputRunsEveryModeAndCompression() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ThroughputBenchmark.Result> results =
        ThroughputBenchmark.run(
            java.util.stream.Stream.concat(
                    ClientMode.NAMES.stream(), ClientMode.EXTRA_NAMES.stream())
                .toList(),
            List.of(Compression.ZLIB_STREAM, Compression.NONE),
            3_000,
            2_000,
            1,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(results).hasSize((ClientMode.NAMES.size() + ClientMode.EXTRA_NAMES.size()) * 2);
    for (ThroughputBenchmark.Result r : results) {
      assertThat(r.eventsPerSecond()).as(r.mode()).isPositive();
      assertThat(r.cpuNanosPerEvent()).as(r.mode()).isPositive();
      assertThat(r.compressedBytesPerEvent()).as(r.mode()).isPositive();
      assertThat(r.allocatedBytesPerEvent()).as(r.mode()).isPositive();
    }
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    ThroughputBenchmark.print(results, new PrintStream(table, true, StandardCharsets.UTF_8));
    assertThat(table.toString(StandardCharsets.UTF_8))
        .contains("| core | zlib-stream |")
        .contains("| core-jdk | zlib-stream |")
        .contains("| spring | zlib-stream |")
        .contains("| spring-typed | none |")
        .contains("| jda | zlib-stream |")
        .contains("| jda | none |");
  }

  @Test
  @DisplayName("latency: every event at a steady rate is matched to its frame")
  void latencyMeasuresPercentiles() throws Exception {
    LatencyBenchmark.Result result = LatencyBenchmark.run(2_000, 1, 1, Compression.ZLIB_STREAM);
    assertThat(result.events()).isGreaterThanOrEqualTo(1_980);
    assertThat(result.frameToListener().p50()).isPositive();
    assertThat(result.frameToListener().p99())
        .isGreaterThanOrEqualTo(result.frameToListener().p50());
    assertThat(result.frameToListener().p50()).isGreaterThanOrEqualTo(result.handOff().p50());
  }

  @Test
  @DisplayName("start-up: shards in two identify buckets all become READY")
  void startupWaitsForTheIdentifyWindow() throws Exception {
    StartupBenchmark.Result result = StartupBenchmark.run(4, 2, 1_000, Compression.ZLIB_STREAM);
    assertThat(result.readyTimes()).hasSize(4);
    // the second shard of each bucket waits for the bucket's window
    assertThat(result.allReady()).isGreaterThanOrEqualTo(Duration.ofMillis(1_000));
  }

  @Test
  @DisplayName("memory: client JVMs with few and more shards report heap, RSS and threads")
  void memoryMeasuresTwoShardCounts() throws Exception {
    List<MemoryBenchmark.Sample> samples =
        MemoryBenchmark.run(List.of(2, 6), 6, 3, 200, "zlib-stream", "-Xmx256m", false);
    assertThat(samples).hasSize(2);
    for (MemoryBenchmark.Sample s : samples) {
      assertThat(s.heapBytes()).isPositive();
      assertThat(s.threads()).isPositive();
    }
    assertThat(samples.get(1).shards()).isEqualTo(6);
  }

  @Test
  @DisplayName("memory over wss://: the JDK transport's threads do not follow the TLS connections")
  void jdkTransportOverTlsKeepsAFixedNumberOfThreads() throws Exception {
    List<MemoryBenchmark.Sample> samples =
        MemoryBenchmark.run(
            List.of(2, 12), 12, 1, 200, "zlib-stream", "-Xmx256m", false, "jdk", true);
    assertThat(samples).hasSize(2);
    // Tomcat's client would add two WebSocketClient-SecureIO threads per connection (+20 here);
    // the shards' send pool is elastic (its threads follow the sends at once, not the transport)
    assertThat(samples.get(1).threads() - groupCount(samples.get(1), "discord-gateway-send-#"))
        .isLessThanOrEqualTo(
            samples.get(0).threads() - groupCount(samples.get(0), "discord-gateway-send-#") + 2);
    String groups = samples.get(1).threadGroups();
    assertThat(groups).contains("HttpClient-#-SelectorManager=1").doesNotContain("SecureIO");
    assertThat(groups)
        .containsPattern(
            "discord-gateway-jdk-#=[1-"
                + Math.min(
                    9,
                    io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport
                        .defaultThreads())
                + "],");
  }

  /** Returns the live threads of {@code group} in {@code sample} (0 when there are none). */
  private static int groupCount(MemoryBenchmark.Sample sample, String group) {
    for (String entry : sample.threadGroups().split(",")) {
      int eq = entry.lastIndexOf('=');
      if (eq > 0 && entry.substring(0, eq).trim().equals(group)) {
        return Integer.parseInt(entry.substring(eq + 1).trim());
      }
    }
    return 0;
  }

  @Test
  @DisplayName(
      "scale: 150 idle shards in one client JVM all become READY; the library's threads stay few")
  void manyShardsShareAFixedNumberOfThreads() throws Exception {
    // the suite's short version of ScaleBenchmark's 1,000-shard run (max_concurrency 16)
    List<MemoryBenchmark.Sample> samples =
        MemoryBenchmark.run(List.of(150), 150, 1, 200, "zlib-stream", "-Xmx256m", false);
    assertThat(samples).hasSize(1);
    MemoryBenchmark.Sample sample = samples.get(0);
    assertThat(sample.shards()).isEqualTo(150);
    // every thread counts: the client's socket I/O runs on its own bounded pool
    // (SpringWebSocketTransport.standardClient), not on Tomcat's unbounded one
    int library = 0;
    int sends = 0;
    int tomcatIo = 0;
    for (String group : sample.threadGroups().split(",")) {
      int eq = group.lastIndexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = group.substring(0, eq).trim();
      int count = Integer.parseInt(group.substring(eq + 1).trim());
      if (name.startsWith("discord-gateway-send-")) {
        sends += count;
      } else if (name.startsWith("discord-gateway-")) {
        library += count;
      }
      if (name.startsWith("WebSocketClient-AsyncIO")) {
        tomcatIo += count;
      }
    }
    assertThat(tomcatIo).as("Tomcat's I/O threads %s", sample.threadGroups()).isZero();
    // fixed pools: connect, io, events, timer
    assertThat(library).as("library threads %s", sample.threadGroups()).isBetween(1, 12);
    // the send pool is elastic: a thread only while a socket is slow to take a frame (the start
    // burst on a loaded machine), so it is bounded by the whole count below, not on its own
    assertThat(sends).as("send threads %s", sample.threadGroups()).isLessThan(150);
    assertThat(sample.threads())
        .as("live threads %s", sample.threadGroups())
        .isLessThanOrEqualTo(ScaleBenchmark.THREAD_TARGET);
  }
}
