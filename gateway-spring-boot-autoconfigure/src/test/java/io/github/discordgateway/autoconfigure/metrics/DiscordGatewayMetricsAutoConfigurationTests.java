package io.github.discordgateway.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.health.FakeGatewayShards;
import io.github.discordgateway.autoconfigure.health.FakeGatewayShards.ShiftableClock;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DiscordGatewayMetricsAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class, DiscordGatewayMetricsAutoConfiguration.class))
          .withUserConfiguration(FakeGatewayShards.class);

  @Test
  void everyMeterMovesThroughEventsReconnectAndResume() {
    contextRunner
        .withUserConfiguration(Registry.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(DiscordGatewayMetricsObserver.class);
              assertThat(context).hasSingleBean(DiscordGatewayMeterBinder.class);
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);

              FakeGuild guild = gateway.config().guilds().get(0);
              for (int i = 0; i < 3; i++) {
                gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "hi"));
              }
              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          timer(registry, GatewayMeterNames.LISTENER_TIME, "MESSAGE_CREATE").count()
                              == 3);
              assertThat(counter(registry, GatewayMeterNames.EVENTS, "MESSAGE_CREATE").count())
                  .isEqualTo(3);
              assertThat(counter(registry, GatewayMeterNames.EVENTS, "READY").count()).isEqualTo(1);
              assertThat(counter(registry, GatewayMeterNames.EVENTS, "GUILD_CREATE").count())
                  .isEqualTo(1);
              assertThat(shardCounter(registry, GatewayMeterNames.CONNECTIONS)).isEqualTo(1);
              assertThat(shardCounter(registry, GatewayMeterNames.IDENTIFIES)).isEqualTo(1);
              assertThat(shardCounter(registry, GatewayMeterNames.RESUMES)).isZero();
              assertThat(shardCounter(registry, GatewayMeterNames.BYTES_RECEIVED)).isPositive();
              // zlib-stream: the inflated payloads are larger than what crossed the wire
              assertThat(shardCounter(registry, GatewayMeterNames.BYTES_DECOMPRESSED))
                  .isGreaterThan(shardCounter(registry, GatewayMeterNames.BYTES_RECEIVED));
              assertThat(command(registry, "identify").count()).isEqualTo(1);
              assertThat(shardsIn(registry, "connected")).isEqualTo(1);
              assertThat(shardsIn(registry, "stopped")).isZero();
              await()
                  .atMost(TIMEOUT)
                  .until(() -> gauge(registry, GatewayMeterNames.EVENTS_QUEUED) == 0);

              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          registry
                                  .get(GatewayMeterNames.HEARTBEAT_ROUND_TRIP)
                                  .tag("shard", "0")
                                  .timer()
                                  .count()
                              >= 1);
              assertThat(command(registry, "heartbeat").count()).isPositive();
              assertThat(gauge(registry, GatewayMeterNames.HEARTBEAT_ACK_AGE))
                  .isGreaterThanOrEqualTo(0);

              gateway.sendReconnect(0);
              await()
                  .atMost(TIMEOUT)
                  .until(() -> shardCounter(registry, GatewayMeterNames.RESUMES) == 1);
              await().atMost(TIMEOUT).until(() -> shardsIn(registry, "connected") == 1);
              assertThat(shardCounter(registry, GatewayMeterNames.CONNECTIONS)).isEqualTo(2);
              assertThat(shardCounter(registry, GatewayMeterNames.IDENTIFIES)).isEqualTo(1);
              assertThat(command(registry, "resume").count()).isEqualTo(1);
              Counter reconnects =
                  registry.get(GatewayMeterNames.RECONNECTS).tag("shard", "0").counter();
              assertThat(reconnects.count()).isEqualTo(1);
              assertThat(reconnects.getId().getTag("reason")).isNotBlank();
              assertThat(registry.get(GatewayMeterNames.SESSION_STARTS_REMAINING).gauge().value())
                  .isNaN();
            });
  }

  @Test
  void sessionStartsLeftAreWhatTheManagerCountsFromDiscordsLimit() {
    contextRunner
        .withUserConfiguration(Registry.class)
        .withPropertyValues("test.auto-shards=true")
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              ShardManager manager = context.getBean(ShardManager.class);
              manager.start().get(10, TimeUnit.SECONDS);

              // the fake grants 1000 session starts; this process identified once since
              assertThat(manager.sessionStartsRemaining()).hasValue(999);
              assertThat(registry.get(GatewayMeterNames.SESSION_STARTS_REMAINING).gauge().value())
                  .isEqualTo(999);
            });
  }

  @Test
  void recordsTimeCommandsWaitedForTheRateLimiter() {
    contextRunner
        .withUserConfiguration(Registry.class)
        .withBean(ShiftableClock.class, ShiftableClock::new)
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              ShiftableClock clock = context.getBean(ShiftableClock.class);
              ShardManager manager = context.getBean(ShardManager.class);
              manager.start().get(10, TimeUnit.SECONDS);
              Shard shard = manager.shard(0).orElseThrow();

              // Discord allows 120 payloads a minute (10 kept for heartbeats): 150 cannot all go
              CompletableFuture<?>[] sent =
                  IntStream.range(0, 150)
                      .mapToObj(i -> shard.send(UpdatePresence.of("online")))
                      .toArray(CompletableFuture[]::new);
              await()
                  .atMost(TIMEOUT)
                  .until(() -> command(registry, "presence_update").count() >= 100);
              assertThat(command(registry, "presence_update").count()).isLessThan(150);

              // a minute later (on the shard's clock) the window has room again
              clock.advance(Duration.ofSeconds(61));
              CompletableFuture.allOf(sent).get(10, TimeUnit.SECONDS);
              Timer waits = command(registry, "presence_update");
              assertThat(waits.count()).isEqualTo(150);
              assertThat(waits.max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(60);
              assertThat(waits.totalTime(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(60);
            });
  }

  @Test
  void withoutMeterRegistryNothingIsRegisteredAndShardsStillConnect() {
    contextRunner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(MeterRegistry.class);
          assertThat(context).doesNotHaveBean(DiscordGatewayMetricsObserver.class);
          context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
        });
  }

  @Test
  void backsOffWhenMicrometerIsNotOnTheClasspath() {
    contextRunner
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DiscordGatewayMetricsObserver.class);
              assertThat(context).hasSingleBean(ShardManager.class);
            });
  }

  @Test
  void backsOffWithoutShardManager() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class, DiscordGatewayMetricsAutoConfiguration.class))
        .withUserConfiguration(Registry.class)
        .run(context -> assertThat(context).doesNotHaveBean(DiscordGatewayMetricsObserver.class));
  }

  @Test
  void userObserverReplacesTheDefault() {
    contextRunner
        .withUserConfiguration(Registry.class)
        .withBean(
            DiscordGatewayMetricsObserver.class,
            () -> new DiscordGatewayMetricsObserver(new SimpleMeterRegistry(), () -> null))
        .run(
            context -> {
              assertThat(context).hasSingleBean(DiscordGatewayMetricsObserver.class);
              assertThat(context.getBeansOfType(ShardObserver.class)).hasSize(1);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry simpleMeterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  private static Counter counter(MeterRegistry registry, String name, String type) {
    return registry.get(name).tag("shard", "0").tag("type", type).counter();
  }

  private static Timer timer(MeterRegistry registry, String name, String type) {
    return registry.get(name).tag("shard", "0").tag("type", type).timer();
  }

  private static Timer command(MeterRegistry registry, String type) {
    Timer timer =
        registry.find(GatewayMeterNames.COMMANDS).tag("shard", "0").tag("type", type).timer();
    return timer != null ? timer : registry.timer("absent." + type);
  }

  private static double shardCounter(MeterRegistry registry, String name) {
    return registry.get(name).tag("shard", "0").counter().count();
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).tag("shard", "0").gauge().value();
  }

  private static double shardsIn(MeterRegistry registry, String state) {
    return registry.get(GatewayMeterNames.SHARDS).tag("state", state).gauge().value();
  }
}
