package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardSignal;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.net.URI;
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
 * client, with every {@link ShardObserver} bean of the context applied. {@code test.shards} sets
 * the shard count, {@code test.auto-shards=true} asks the fake's REST API for it instead.
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
      @Value("${test.shards:1}") int shards,
      @Value("${test.auto-shards:false}") boolean autoShards) {
    ShardManagerBuilder builder =
        ShardManager.builder(
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
            .observer(new Composite(observers.orderedStream().toList()));
    if (autoShards) {
      // asks the fake's GET /gateway/bot, as a bot with automatic sharding does
      builder.autoShards().apiUrl(URI.create(gateway.apiBaseUrl()));
    }
    return builder.build();
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
    public void on(ShardSignal signal) {
      observers.forEach(o -> o.on(signal));
    }
  }
}
