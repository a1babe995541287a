package io.github.discordgateway.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.benchmarks.jmh.DecodeCpu;
import io.github.discordgateway.core.codec.Compression;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PerformanceTargetsTest {

  private static ThroughputBenchmark.Result result(String mode, double cpuUs, double perSecond) {
    return new ThroughputBenchmark.Result(
        mode, Compression.ZLIB_STREAM, 1_000, perSecond, cpuUs * 1000, 250, 300, 1_000);
  }

  @Test
  void comparesEachFigureWithItsTarget() {
    List<ThroughputBenchmark.Result> throughput =
        List.of(
            result("bare", 2.0, 350_000),
            result("spring", 3.2, 250_000),
            result("spring-typed", 5.5, 190_000),
            result("jda", 12.0, 80_000));
    LatencyBenchmark.Percentiles p = new LatencyBenchmark.Percentiles(20, 1_200, 2_000, 3_000);
    LatencyBenchmark.Result latency = new LatencyBenchmark.Result(1_000, 5_000, p, p, p);
    List<MemoryBenchmark.Sample> memory =
        List.of(
            new MemoryBenchmark.Sample(10, 10L << 20, 0, 15, ""),
            new MemoryBenchmark.Sample(200, (10L << 20) + 190 * 70 * 1024, 0, 21, ""));

    Map<String, PerformanceTargets.Outcome> byTarget =
        PerformanceTargets.outcomes(throughput, latency, memory).stream()
            .collect(Collectors.toMap(PerformanceTargets.Outcome::target, o -> o));

    assertThat(byTarget.get("spring-typed <= 9 us CPU/event").met()).isTrue();
    assertThat(byTarget.get("spring-typed >= 200,000 events/s").met()).isFalse();
    assertThat(byTarget.get("spring-typed <= 2.5x bare").measured()).startsWith("2.75x");
    assertThat(byTarget.get("spring-typed <= 2.5x bare").met()).isFalse();
    assertThat(byTarget.get("spring <= 1.5x bare").met()).isFalse();
    assertThat(byTarget.get("spring-typed >= 3x less CPU than jda").measured())
        .isEqualTo("jda 12.00 us: 2.18x");
    assertThat(byTarget.get("feed: bare >= 300,000 events/s").met()).isTrue();
    assertThat(byTarget.get("p99 frame-to-listener < 1 ms at 5,000 events/s").met()).isFalse();
    assertThat(byTarget.get("heap per idle shard <= 96 KiB (stretch 48)").measured())
        .isEqualTo("70.0 KiB");
    assertThat(byTarget.get("threads <= 32 at 200 shards").met()).isTrue();
  }

  @Test
  void judgesTheDecodeFiguresAgainstThePayloadSize() {
    List<PerformanceTargets.Outcome> outcomes =
        PerformanceTargets.decodeOutcomes(
            List.of(
                new DecodeCpu.Measurement("messageCreate", 2_700, 2_500, 1_154),
                new DecodeCpu.Measurement("memoizedSecondField", 10, 0, 1_154)));

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0).measured()).isEqualTo("2.70 us, 2,500 B (2.17x of 1,154 B)");
    assertThat(outcomes.get(0).met()).isFalse();
    assertThat(outcomes.get(1).met()).isTrue();
  }
}
