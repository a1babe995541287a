package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardStateChanged;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.core.shard.internal.ReconnectBackoff;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reconnect attempts against a gateway that refuses connections. */
class ShardBackoffTest {

  private static final BackoffPolicy POLICY =
      new BackoffPolicy(Duration.ofMillis(40), Duration.ofMillis(320), 2.0, Duration.ofMillis(500));

  @Test
  void backsOffExponentiallyWithJitterWhileRefusedAndRecovers() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener)
                .options(ShardHarness.options().withBackoff(POLICY))
                .random(() -> new SplittableRandom(20240601L))
                .build()) {
      gateway.refuseConnections(Duration.ofSeconds(30));
      long begin = System.nanoTime();
      CompletableFuture<Void> started = manager.start();

      await().atMost(TIMEOUT).until(() -> gateway.recorder().refusedConnectionCount() >= 8);
      long refusedFor = System.nanoTime() - begin;
      gateway.refuseConnections(Duration.ZERO);
      started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      assertThat(manager.shard(0).orElseThrow().status()).isEqualTo(ShardStatus.CONNECTED);
      assertThat(gateway.recorder().identifyCount(0)).isOne();
      List<ShardReconnecting> reconnects = listener.of(ShardReconnecting.class);
      int refused = gateway.recorder().refusedConnectionCount();
      // every refused attempt was followed by exactly one backoff delay, none skipped
      assertThat(reconnects).hasSize(refused);
      ReconnectBackoff ceilings = new ReconnectBackoff(POLICY, new SplittableRandom());
      long totalDelay = 0;
      for (int i = 0; i < reconnects.size(); i++) {
        ShardReconnecting reconnect = reconnects.get(i);
        assertThat(reconnect.attempt()).isEqualTo(i + 1);
        assertThat(reconnect.resume()).isFalse();
        assertThat(reconnect.delay()).isBetween(Duration.ZERO, ceilings.ceiling(i));
        totalDelay += reconnect.delay().toMillis();
      }
      // jitter: the delays are not all the ceiling (nor all zero)
      assertThat(reconnects)
          .extracting(ShardReconnecting::delay)
          .anySatisfy(d -> assertThat(d).isLessThan(POLICY.max()))
          .anySatisfy(d -> assertThat(d).isPositive());
      // no spin: the time spent refused covers the backoff delays of the first 8 attempts
      long delayOfFirstEight =
          reconnects.stream().limit(7).mapToLong(r -> r.delay().toMillis()).sum();
      assertThat(Duration.ofNanos(refusedFor))
          .isGreaterThanOrEqualTo(Duration.ofMillis(delayOfFirstEight));
      assertThat(totalDelay).isPositive();
      // listeners see each reconnect in order: -> RECONNECTING, the delay, then -> CONNECTING
      List<ShardEvent> lifecycle =
          listener.events.stream()
              .filter(e -> e instanceof ShardReconnecting || e instanceof ShardStateChanged)
              .toList();
      for (int i = 0; i < lifecycle.size(); i++) {
        if (lifecycle.get(i) instanceof ShardReconnecting) {
          assertThat(lifecycle.get(i - 1))
              .isInstanceOfSatisfying(
                  ShardStateChanged.class,
                  c -> assertThat(c.current()).isEqualTo(ShardStatus.RECONNECTING));
          assertThat(lifecycle.get(i + 1))
              .isInstanceOfSatisfying(
                  ShardStateChanged.class,
                  c -> assertThat(c.previous()).isEqualTo(ShardStatus.RECONNECTING));
        }
      }
    }
  }

  @Test
  void countsAttemptsFromOneAgainAfterAStableConnection() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener)
                .options(ShardHarness.options().withBackoff(POLICY))
                .build()) {
      gateway.refuseConnections(Duration.ofSeconds(30));
      CompletableFuture<Void> started = manager.start();
      await().atMost(TIMEOUT).until(() -> gateway.recorder().refusedConnectionCount() >= 3);
      gateway.refuseConnections(Duration.ZERO);
      started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      int before = listener.of(ShardReconnecting.class).size();
      assertThat(before).isGreaterThanOrEqualTo(3);

      // stay connected longer than resetAfter, then lose the connection
      await().atMost(TIMEOUT).until(() -> gateway.recorder().heartbeatSequences(0).size() >= 3);
      gateway.dropConnection(0);

      await().atMost(TIMEOUT).until(() -> listener.count(0, "RESUMED") == 1);
      ShardReconnecting afterDrop = listener.of(ShardReconnecting.class).get(before);
      assertThat(afterDrop.attempt()).isOne();
      assertThat(afterDrop.resume()).isTrue();
    }
  }
}
