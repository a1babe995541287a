package io.github.discordgateway.autoconfigure.shard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.shard.BackoffPolicy;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGatewayConfig;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.EnumSet;
import java.util.random.RandomGenerator;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Builds shard managers over a real transport (spring-websocket by default) against the fake
 * gateway.
 */
final class ShardHarness {

  /** A short backoff so that reconnects in tests take milliseconds. */
  static final BackoffPolicy FAST_BACKOFF =
      new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, Duration.ofSeconds(60));

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** One WebSocket client for every test, as one application has. */
  static final StandardWebSocketClient CLIENT = SpringWebSocketTransport.standardClient(4);

  /** The JDK transport for every test that runs over it (its pool threads are daemons). */
  static final JdkWebSocketTransport JDK_TRANSPORT =
      new JdkWebSocketTransport(16 << 20, Duration.ofSeconds(5));

  /** The transports a test can run over. */
  enum TransportKind {
    /** spring-websocket over Tomcat's JSR-356 client. */
    SPRING,
    /** The JDK's java.net.http WebSocket (gateway-core). */
    JDK
  }

  /** Runs the delayed grants of short-window identify limiters (daemon, shared by tests). */
  static final ExecutorGatewayScheduler LIMITER_TIMER =
      ExecutorGatewayScheduler.create("test-identify-limiter", 1);

  static {
    // keep the output of a module-wide run readable: the library logs lifecycle at INFO
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      context.getLogger("io.github.discordgateway").setLevel(Level.INFO);
    }
  }

  private ShardHarness() {}

  static FakeGatewayConfig.Builder fake() {
    return FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(400));
  }

  static GatewaySettings settings(FakeDiscordGateway gateway, Compression compression) {
    return GatewaySettings.builder(gateway.token())
        .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.GUILD_VOICE_STATES))
        .compression(compression)
        .build();
  }

  static ShardOptions options() {
    return ShardOptions.defaults().withBackoff(FAST_BACKOFF);
  }

  static SpringWebSocketTransport transport() {
    return transport(16 << 20);
  }

  static SpringWebSocketTransport transport(int maxMessageSize) {
    return new SpringWebSocketTransport(CLIENT, maxMessageSize, Duration.ofSeconds(5));
  }

  static GatewayTransport transport(TransportKind kind) {
    return kind == TransportKind.JDK ? JDK_TRANSPORT : transport();
  }

  /** A manager of one shard (of one) with zlib-stream, a fast backoff and {@code listener}. */
  static ShardManagerBuilder manager(FakeDiscordGateway gateway, GatewayEventListener listener) {
    return manager(gateway, listener, Compression.ZLIB_STREAM);
  }

  static ShardManagerBuilder manager(
      FakeDiscordGateway gateway, GatewayEventListener listener, Compression compression) {
    return manager(gateway, listener, compression, TransportKind.SPRING);
  }

  static ShardManagerBuilder manager(
      FakeDiscordGateway gateway,
      GatewayEventListener listener,
      Compression compression,
      TransportKind kind) {
    return ShardManager.builder(settings(gateway, compression), transport(kind))
        .gatewayUrl(gateway.gatewayUrl())
        .totalShards(1)
        .options(options())
        .listener(listener);
  }

  /** Sends one MESSAGE_CREATE to {@code shard}'s session; returns 1 if the session got it. */
  static int message(FakeDiscordGateway gateway, int shard, String content) {
    FakeGuild guild = gateway.config().guilds().get(0);
    return gateway.dispatch(
        shard, FakeEvents.messageCreate(guild, guild.members().get(0), content));
  }

  /** An identify limiter with a short window (the fake's window must be at most as long). */
  static LocalIdentifyLimiter limiter(Duration window) {
    return new LocalIdentifyLimiter(java.time.InstantSource.system(), LIMITER_TIMER, window);
  }

  /** A random source whose every draw is zero: no jitter, shortest invalid-session delay. */
  static RandomGenerator zeroRandom() {
    return () -> 0L;
  }
}
