package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Start waves of the shard manager, on virtual time. */
class ShardManagerTest {

  private final ShardKit kit = new ShardKit();

  private ShardManager manager(int shards, Duration waveTimeout) {
    return ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
        .totalShards(shards)
        .gatewayUrl("wss://gateway.example")
        .maxConcurrency(1)
        .scheduler(kit.scheduler)
        .clock(kit.scheduler.instantSource())
        .random(() -> new SplittableRandom(3))
        .deliveryExecutor(Runnable::run)
        .sendExecutor(Runnable::run)
        .identifyLimiter(new LocalIdentifyLimiter(kit.scheduler.instantSource(), kit.scheduler))
        .options(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF))
        .waveTimeout(waveTimeout)
        .listener(kit.listener)
        .build();
  }

  private static int shardOf(InMemoryTransport.Link link) {
    return ((ShardConnection) link.handler).shardId();
  }

  @Test
  void aWaveStartsOnceThePreviousWaveSentItsIdentify() {
    ShardManager manager = manager(2, Duration.ofSeconds(60));
    manager.start();
    assertThat(kit.transport.links).hasSize(1);
    InMemoryTransport.Link first = kit.transport.last().open();
    assertThat(shardOf(first)).isZero();
    first.hello(41_250);
    kit.scheduler.runDue();
    assertThat(first.sent(2)).hasSize(1);
    assertThat(kit.transport.links).hasSize(2);
    assertThat(shardOf(kit.transport.last())).isEqualTo(1);
  }

  @Test
  void aShardThatCannotConnectHoldsTheNextWaveOnlyUntilTheWaveTimeout() {
    ShardManager manager = manager(2, Duration.ofSeconds(30));
    manager.start();
    kit.transport.last().fail(new IOException("connection refused"));
    for (int second = 0; second < 29; second++) {
      kit.scheduler.advance(Duration.ofSeconds(1));
      InMemoryTransport.Link last = kit.transport.last();
      if (!last.future.isDone()) {
        last.fail(new IOException("connection refused"));
      }
    }
    assertThat(kit.transport.links).allMatch(link -> shardOf(link) == 0);
    kit.scheduler.advance(Duration.ofSeconds(1));
    assertThat(kit.transport.links).anyMatch(link -> shardOf(link) == 1);
    manager.close();
  }

  @Test
  void changingTheBuilderAfterBuildDoesNotReachTheManager() {
    ShardManagerBuilder builder =
        ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
            .totalShards(2)
            .gatewayUrl("wss://gateway.example")
            .scheduler(kit.scheduler)
            .deliveryExecutor(Runnable::run)
            .sendExecutor(Runnable::run);
    ShardManager manager = builder.build();
    builder.totalShards(8).shardIds("4-7").gatewayUrl("wss://elsewhere.example");
    manager.prepare();
    assertThat(manager.totalShards()).isEqualTo(2);
    assertThat(manager.shardIds()).containsExactly(0, 1);
    manager.start();
    assertThat(kit.transport.last().uri.getHost()).isEqualTo("gateway.example");
    manager.close();
  }
}
