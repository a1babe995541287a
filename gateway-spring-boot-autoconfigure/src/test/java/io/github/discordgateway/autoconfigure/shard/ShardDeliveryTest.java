package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What happens when listeners are slow or broken. */
class ShardDeliveryTest {

  private static final Duration HEARTBEAT = Duration.ofMillis(300);

  @Test
  void aListenerBlockingForTwoHeartbeatIntervalsCausesNoZombieCloseAndLosesNothing()
      throws Exception {
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
            ShardHarness.manager(gateway, listener)
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

  @Test
  void aListenerThatAlwaysThrowsIsLoggedAndTheShardStaysConnected() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    ch.qos.logback.classic.Logger shardLog =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Shard.class);
    shardLog.addAppender(logs);
    AtomicInteger calls = new AtomicInteger();
    RecordingListener listener =
        new RecordingListener() {
          @Override
          public void onEvent(ShardEvent event) {
            super.onEvent(event);
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
          }
        };
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager = ShardHarness.manager(gateway, listener).build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < 5; i++) {
        message(gateway, 0, "message " + i);
      }

      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 5);
      long lastSeq = gateway.lastSequence(0);
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  logs.list.stream()
                      .anyMatch(
                          e ->
                              e.getLevel() == Level.ERROR
                                  && e.getFormattedMessage().contains("MESSAGE_CREATE")
                                  && e.getFormattedMessage().contains("seq " + lastSeq)
                                  && e.getThrowableProxy() != null));
      assertThat(manager.shard(0).orElseThrow().status()).isEqualTo(ShardStatus.CONNECTED);
      assertThat(listener.sequences(0))
          .containsExactlyElementsOf(ShardResumeTest.allSequences(gateway));
      assertThat(gateway.recorder().connectionCount()).isOne();
    } finally {
      shardLog.detachAppender(logs);
    }
  }
}
