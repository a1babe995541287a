package io.github.discordgateway.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.shard.ShardSignal;
import io.github.discordgateway.core.shard.ShardStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DiscordGatewayMetricsObserverTests {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final DiscordGatewayMetricsObserver observer =
      new DiscordGatewayMetricsObserver(registry, () -> null, now::get);

  @Test
  void unknownEventNamesShareOneTypeTag() {
    observer.on(new ShardSignal.DispatchReceived(2, "SOMETHING_NEW_1", 10));
    observer.on(new ShardSignal.DispatchReceived(2, "SOMETHING_NEW_2", 10));
    observer.on(new ShardSignal.DispatchReceived(2, "MESSAGE_CREATE", 10));

    assertThat(registry.get(GatewayMeterNames.EVENTS).tag("type", "OTHER").counter().count())
        .isEqualTo(2);
    assertThat(registry.find(GatewayMeterNames.EVENTS).counters()).hasSize(2);
  }

  @Test
  void listenerTimeAndFailuresAreRecordedPerType() {
    observer.on(
        new ShardSignal.DispatchDelivered(0, "MESSAGE_CREATE", Duration.ofMillis(5), false));
    observer.on(new ShardSignal.DispatchDelivered(0, "MESSAGE_CREATE", Duration.ofMillis(7), true));

    assertTwoMessageCreateDeliveriesOf12MsWithOneFailure();
  }

  @Test
  void listenerTimeFromTheDeliveryThreadsPrimitiveCallIsRecordedLikeTheSignal() {
    observer.dispatchDelivered(0, "MESSAGE_CREATE", 5_000_000L, false);
    observer.on(new ShardSignal.DispatchDelivered(0, "MESSAGE_CREATE", Duration.ofMillis(7), true));
    observer.dispatchDelivered(0, "SOMETHING_NEW", 1_000_000L, true);

    assertTwoMessageCreateDeliveriesOf12MsWithOneFailure();
    var other = registry.get(GatewayMeterNames.LISTENER_TIME).tag("type", "OTHER").timer();
    assertThat(other.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1);
  }

  @Test
  void bytesOnTheWireAndAfterDecompressionAreCountedApart() {
    observer.on(new ShardSignal.MessageReceived(1, 100, true));
    observer.on(new ShardSignal.PayloadDecompressed(1, 900));

    assertThat(registry.get(GatewayMeterNames.BYTES_RECEIVED).tag("shard", "1").counter().count())
        .isEqualTo(100);
    assertThat(
            registry.get(GatewayMeterNames.BYTES_DECOMPRESSED).tag("shard", "1").counter().count())
        .isEqualTo(900);
    assertThat(registry.get(GatewayMeterNames.BYTES_RECEIVED).counter().getId().getBaseUnit())
        .isEqualTo("bytes");
  }

  @Test
  void reconnectsAreCountedByReason() {
    observer.on(new ShardSignal.Reconnecting(0, "zombie", true));
    observer.on(new ShardSignal.Reconnecting(0, "zombie", true));
    observer.on(new ShardSignal.Reconnecting(0, "4000", true));

    assertThat(registry.get(GatewayMeterNames.RECONNECTS).tag("reason", "zombie").counter().count())
        .isEqualTo(2);
    assertThat(registry.get(GatewayMeterNames.RECONNECTS).tag("reason", "4000").counter().count())
        .isEqualTo(1);
  }

  @Test
  void commandsRecordTheirRateLimiterWaitByOpcode() {
    observer.on(new ShardSignal.PayloadSent(0, Opcode.PRESENCE_UPDATE, Duration.ofSeconds(2)));
    observer.on(new ShardSignal.PayloadSent(0, Opcode.HEARTBEAT, Duration.ZERO));

    var presence = registry.get(GatewayMeterNames.COMMANDS).tag("type", "presence_update").timer();
    assertThat(presence.totalTime(TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(registry.get(GatewayMeterNames.COMMANDS).tag("type", "heartbeat").timer().count())
        .isEqualTo(1);
  }

  @Test
  void shardGaugesWithoutManagerAreNotANumber() {
    observer.on(new ShardSignal.StatusChanged(0, ShardStatus.STOPPED, ShardStatus.CONNECTING));
    new DiscordGatewayMeterBinder(() -> null).bindTo(registry);

    assertThat(registry.get(GatewayMeterNames.EVENTS_QUEUED).gauge().value()).isNaN();
    assertThat(registry.get(GatewayMeterNames.HEARTBEAT_ACK_AGE).gauge().value()).isNaN();
    assertThat(registry.get(GatewayMeterNames.SHARDS).tag("state", "connected").gauge().value())
        .isNaN();
  }

  @Test
  void negativeShardIdsAreIgnored() {
    observer.on(new ShardSignal.ConnectionOpened(-1));
    observer.on(new ShardSignal.DispatchReceived(-1, "READY", 1));
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void failingManagerLookupDoesNotBreakScrapes() {
    DiscordGatewayMetricsObserver failing =
        new DiscordGatewayMetricsObserver(
            registry,
            () -> {
              throw new IllegalStateException("in creation");
            },
            InstantSource.system());
    failing.on(new ShardSignal.ConnectionOpened(0));
    assertThat(registry.get(GatewayMeterNames.EVENTS_QUEUED).gauge().value()).isNaN();
  }

  private void assertTwoMessageCreateDeliveriesOf12MsWithOneFailure() {
    var timer = registry.get(GatewayMeterNames.LISTENER_TIME).tag("type", "MESSAGE_CREATE").timer();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
    assertThat(
            registry
                .get(GatewayMeterNames.LISTENER_FAILURES)
                .tag("type", "MESSAGE_CREATE")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
