package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A slow listener over each real transport: reading pauses (back-pressure) without a zombie close.
 * A throwing listener is in gateway-core ({@code ShardListenerFailureTest}).
 */
class ShardDeliveryTest {

  private static final Duration HEARTBEAT = Duration.ofMillis(300);

  @ParameterizedTest
  @EnumSource(ShardHarness.TransportKind.class)
  void aListenerBlockingForTwoHeartbeatIntervalsCausesNoZombieCloseAndLosesNothing(
      ShardHarness.TransportKind transport) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong blockedSince = new AtomicLong();
    RecordingListener listener =
        new RecordingListener() {
          @Override
          public void onEvent(ShardEvent event) {
            super.onEvent(event);
            if (event instanceof ShardDispatch d
                && "MESSAGE_CREATE".equals(d.type())
                && blockedSince.compareAndSet(0, System.nanoTime())) {
              try {
                release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    int messages = 200;
    try (FakeDiscordGateway gateway = ShardHarness.fake().heartbeatInterval(HEARTBEAT).start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener, Compression.ZLIB_STREAM, transport)
                .options(ShardHarness.options().withEventQueueCapacity(16))
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Shard shard = manager.shard(0).orElseThrow();
      for (int i = 0; i < messages; i++) {
        message(gateway, 0, "message " + i + " " + "x".repeat(200));
      }
      await().atMost(TIMEOUT).until(shard::readingPaused);
      int heartbeatsAtPause = gateway.recorder().heartbeatSequences(0).size();
      // heartbeats keep flowing while reading is paused; hold the listener for 2+ intervals
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  gateway.recorder().heartbeatSequences(0).size() >= heartbeatsAtPause + 3
                      && System.nanoTime() - blockedSince.get()
                          >= HEARTBEAT.multipliedBy(2).toNanos());
      assertThat(shard.readingPaused()).isTrue();
      assertThat(shard.queuedEvents()).isLessThan(messages / 2);
      release.countDown();

      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == messages);
      assertThat(listener.sequences(0))
          .containsExactlyElementsOf(ShardResumeTest.allSequences(gateway));
      assertThat(listener.of(ShardDisconnected.class)).isEmpty();
      assertThat(gateway.recorder().connectionCount()).isOne();
      assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
      await().atMost(TIMEOUT).until(() -> !shard.readingPaused());
    }
  }
}
