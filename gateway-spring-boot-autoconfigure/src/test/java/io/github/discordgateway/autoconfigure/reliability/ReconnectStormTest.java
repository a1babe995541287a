package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardResumed;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.core.shard.internal.ReconnectBackoff;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All shards lose their connections while the gateway refuses new ones for a while ({@code
 * -Dstorm.duration}, default 30 s as in the issue): each shard's attempts follow the capped
 * exponential backoff with full jitter, every refused attempt is one counted backoff step, and when
 * the gateway comes back every shard resumes within one backoff step.
 */
class ReconnectStormTest {

  private static final Logger log = LoggerFactory.getLogger(ReconnectStormTest.class);

  private static final int SHARDS = 4;
  private static final BackoffPolicy POLICY =
      new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));

  @Test
  void attemptsFollowCappedExponentialBackoffAndRecoverWithinOneStep() throws Exception {
    Duration refusal =
        FaultInjectionSoakTest.Settings.duration(System.getProperty("storm.duration", "30s"));
    long seed = Long.getLong("storm.seed", 20260601L);
    Recorder listener = new Recorder();
    AtomicLong streams = new AtomicLong(seed);
    try (FakeDiscordGateway gateway =
            FakeDiscordGateway.builder()
                .heartbeatInterval(Duration.ofSeconds(1))
                .shards(SHARDS)
                .maxConcurrency(SHARDS)
                .guilds(Reliability.guildPerShard(SHARDS))
                .start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder(gateway.token())
                        .intents(EnumSet.of(Intent.GUILDS))
                        .compression(Compression.ZLIB_STREAM)
                        .build(),
                    Reliability.transport())
                .gatewayUrl(gateway.gatewayUrl())
                .totalShards(SHARDS)
                .maxConcurrency(SHARDS)
                .options(ShardOptions.defaults().withBackoff(POLICY))
                // seeded jitter, a different stream per use
                .random(() -> new SplittableRandom(streams.incrementAndGet()))
                .listener(listener)
                .build()) {
      manager.start().get(Reliability.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      gateway.refuseConnections(refusal);
      long refusedAt = System.nanoTime();
      gateway.dropAllConnections();
      await()
          .atMost(refusal.plus(Reliability.TIMEOUT))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> System.nanoTime() - refusedAt >= refusal.toNanos());
      gateway.acceptConnections();
      long backAt = System.nanoTime();
      int refusedWhileDown = gateway.recorder().refusedConnectionCount();

      await()
          .atMost(POLICY.max().plus(Reliability.TIMEOUT))
          .until(
              () ->
                  manager.shards().values().stream()
                      .allMatch(s -> s.status() == ShardStatus.CONNECTED));

      ReconnectBackoff ceilings = new ReconnectBackoff(POLICY, new SplittableRandom());
      int refusedTotal = gateway.recorder().refusedConnectionCount();
      int stepsTotal = 0;
      List<String> figures = new ArrayList<>();
      for (int shard = 0; shard < SHARDS; shard++) {
        List<ShardReconnecting> steps = listener.reconnects(shard);
        stepsTotal += steps.size();
        // attempt n waits at most the n-th ceiling; the attempts count up one by one
        long delaysMs = 0;
        for (int i = 0; i < steps.size(); i++) {
          ShardReconnecting step = steps.get(i);
          assertThat(step.attempt()).as("shard %d step %d", shard, i).isEqualTo(i + 1);
          assertThat(step.resume()).isTrue();
          assertThat(step.delay()).isBetween(Duration.ZERO, ceilings.ceiling(i));
          delaysMs += step.delay().toMillis();
        }
        // jitter: not every delay is its ceiling
        assertThat(steps).anySatisfy(s -> assertThat(s.delay()).isLessThan(POLICY.max()));
        // no spin: the waits cover the refusal, except for the last (pending) step
        long waitedBeforeBack = delaysMs - steps.get(steps.size() - 1).delay().toMillis();
        assertThat(waitedBeforeBack)
            .as("shard %d waited before the gateway came back", shard)
            .isLessThanOrEqualTo(refusal.toMillis() + 1_000);
        // never more attempts than the backoff allows: even all-zero jitter could not exceed the
        // ramp plus the refusal at half the cap on average; with full jitter the expected count is
        // about refusal / (max / 2)
        long expected = refusal.toMillis() / (POLICY.max().toMillis() / 2);
        assertThat(steps.size())
            .as("shard %d attempts", shard)
            .isLessThanOrEqualTo((int) (2 * expected + 6));
        // ...and not fewer than with every delay at its ceiling
        assertThat(steps.size()).isGreaterThanOrEqualTo(minimumSteps(ceilings, refusal) - 1);
        // recovery within one backoff step (the cap) of the gateway coming back
        long recoveredMs = TimeUnit.NANOSECONDS.toMillis(listener.resumedAt(shard) - backAt);
        assertThat(recoveredMs)
            .as("shard %d resumed after the gateway came back", shard)
            .isLessThanOrEqualTo(POLICY.max().toMillis() + 1_000);
        figures.add(
            "shard "
                + shard
                + ": "
                + steps.size()
                + " steps, resumed after "
                + recoveredMs
                + " ms");
      }
      // every refused attempt was one backoff step: refused + the successful one per shard
      assertThat(stepsTotal).isEqualTo(refusedTotal + SHARDS);
      assertThat(refusedTotal - refusedWhileDown).isLessThanOrEqualTo(SHARDS);
      // the sessions survived: resumed, not identified again
      for (int shard = 0; shard < SHARDS; shard++) {
        assertThat(gateway.recorder().identifyCount(shard)).isOne();
        assertThat(gateway.recorder().resumeCount(shard)).isOne();
      }
      log.info("Storm: refused for {}, {} refused attempts; {}", refusal, refusedTotal, figures);
    }
  }

  /** Attempts that fit into {@code refusal} if every delay were its ceiling. */
  private static int minimumSteps(ReconnectBackoff ceilings, Duration refusal) {
    long total = 0;
    int n = 0;
    while (n < 10_000) {
      total += ceilings.ceiling(n).toMillis();
      if (total > refusal.toMillis()) {
        return n + 1;
      }
      n++;
    }
    return n;
  }

  /** Records reconnect steps and when each shard resumed. */
  static final class Recorder implements GatewayEventListener {
    private final Map<Integer, List<ShardReconnecting>> reconnects = new ConcurrentHashMap<>();
    private final Map<Integer, Long> resumedAt = new ConcurrentHashMap<>();

    @Override
    public void onEvent(ShardEvent event) {
      if (event instanceof ShardReconnecting reconnecting) {
        reconnects
            .computeIfAbsent(reconnecting.shardId(), k -> new CopyOnWriteArrayList<>())
            .add(reconnecting);
      } else if (event instanceof ShardResumed resumed) {
        resumedAt.put(resumed.shardId(), System.nanoTime());
      }
    }

    List<ShardReconnecting> reconnects(int shard) {
      return reconnects.getOrDefault(shard, List.of());
    }

    long resumedAt(int shard) {
      return resumedAt.getOrDefault(shard, Long.MAX_VALUE);
    }
  }
}
