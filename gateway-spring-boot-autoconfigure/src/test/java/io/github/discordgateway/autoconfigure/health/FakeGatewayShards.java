package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Test configuration standing in for the main auto-configuration: a {@link FakeDiscordGateway} on
 * 127.0.0.1 and a real {@link ShardManager} (not started) connected to it over Spring's WebSocket
 * client, with every {@link ShardObserver} bean of the context applied.
 */
@Configuration(proxyBeanMethods = false)
public class FakeGatewayShards {

  /** Heartbeat interval of the fake: short, so zombie detection takes about two seconds. */
  public static final Duration HEARTBEAT = Duration.ofMillis(1000);

  @Bean(destroyMethod = "close")
  FakeDiscordGateway fakeDiscordGateway(@Value("${test.shards:1}") int shards) {
    return FakeDiscordGateway.builder()
        .heartbeatInterval(HEARTBEAT)
        .shards(shards)
        .maxConcurrency(16)
        .rateLimit(100_000, Duration.ofSeconds(60))
        .start();
  }

  @Bean(destroyMethod = "close")
  ShardManager shardManager(
      FakeDiscordGateway gateway,
      ObjectProvider<ShardObserver> observers,
      ObjectProvider<InstantSource> clock,
      @Value("${test.shards:1}") int shards) {
    return ShardManager.builder(
            GatewaySettings.builder(gateway.token())
                .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                .compression(Compression.ZLIB_STREAM)
                .build(),
            new SpringWebSocketTransport(
                new StandardWebSocketClient(), 16 << 20, Duration.ofSeconds(5)))
        .gatewayUrl(gateway.gatewayUrl())
        .totalShards(shards)
        .maxConcurrency(16)
        .clock(clock.getIfUnique(InstantSource::system))
        .options(
            ShardOptions.defaults()
                .withBackoff(
                    new BackoffPolicy(
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        2.0,
                        Duration.ofSeconds(60))))
        .observer(new Composite(observers.orderedStream().toList()))
        .build();
  }

  /** A clock that tests can move forward; time otherwise passes as usual. */
  public static final class ShiftableClock implements InstantSource {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
      offset.updateAndGet(current -> current.plus(by));
    }
  }

  /** Calls every observer (what the main auto-configuration does with the observer beans). */
  record Composite(List<ShardObserver> observers) implements ShardObserver {

    @Override
    public void messageReceived(int shardId, int wireBytes, boolean binary) {
      observers.forEach(o -> o.messageReceived(shardId, wireBytes, binary));
    }

    @Override
    public void dispatchReceived(int shardId, String type, int payloadBytes) {
      observers.forEach(o -> o.dispatchReceived(shardId, type, payloadBytes));
    }

    @Override
    public void dispatchDelivered(int shardId, String type, Duration time, boolean failed) {
      observers.forEach(o -> o.dispatchDelivered(shardId, type, time, failed));
    }

    @Override
    public void connectionOpened(int shardId) {
      observers.forEach(o -> o.connectionOpened(shardId));
    }

    @Override
    public void identified(int shardId) {
      observers.forEach(o -> o.identified(shardId));
    }

    @Override
    public void resumed(int shardId) {
      observers.forEach(o -> o.resumed(shardId));
    }

    @Override
    public void reconnecting(int shardId, String reason, boolean resume) {
      observers.forEach(o -> o.reconnecting(shardId, reason, resume));
    }

    @Override
    public void heartbeatAcknowledged(int shardId, Duration roundTrip) {
      observers.forEach(o -> o.heartbeatAcknowledged(shardId, roundTrip));
    }

    @Override
    public void payloadSent(int shardId, Opcode opcode, Duration waited) {
      observers.forEach(o -> o.payloadSent(shardId, opcode, waited));
    }

    @Override
    public void statusChanged(int shardId, ShardStatus previous, ShardStatus current) {
      observers.forEach(o -> o.statusChanged(shardId, previous, current));
    }

    @Override
    public void helloReceived(int shardId, Duration heartbeatInterval) {
      observers.forEach(o -> o.helloReceived(shardId, heartbeatInterval));
    }

    @Override
    public void payloadDecompressed(int shardId, int bytes) {
      observers.forEach(o -> o.payloadDecompressed(shardId, bytes));
    }

    @Override
    public void eventDropped(int shardId, String type) {
      observers.forEach(o -> o.eventDropped(shardId, type));
    }

    @Override
    public void sessionStartLimitUpdated(SessionStartLimit limit) {
      observers.forEach(o -> o.sessionStartLimitUpdated(limit));
    }
  }
}
