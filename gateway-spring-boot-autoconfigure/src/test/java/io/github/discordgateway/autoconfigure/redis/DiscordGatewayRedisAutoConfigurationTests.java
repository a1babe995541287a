package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.health.DiscordCoordinationHealthAutoConfiguration;
import io.github.discordgateway.autoconfigure.health.LocalCoordinationHealthIndicator;
import io.github.discordgateway.autoconfigure.redis.DiscordGatewayRedisAutoConfiguration.SessionCheckpointListener;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.test.redis.RedisServerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DiscordGatewayRedisAutoConfigurationTests {

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  /** A token shaped like Discord's: its first part is the base64 of the bot id. */
  private static final String TOKEN = "MTA4NTEyODM3MDAwNzU3MjQ4MA.secret-token-value-for-tests";

  private static final String BOT_ID = "1085128370007572480";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataRedisAutoConfiguration.class,
                  DiscordGatewayRedisAutoConfiguration.class,
                  DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.token=" + TOKEN,
              "discord.gateway.url=ws://127.0.0.1:9",
              "discord.gateway.auto-startup=false",
              "spring.data.redis.host=127.0.0.1",
              "spring.data.redis.timeout=2s");

  private ApplicationContextRunner enabled() {
    return contextRunner.withPropertyValues(
        "discord.gateway.coordination.redis.enabled=true",
        "spring.data.redis.port=" + REDIS.port());
  }

  @Test
  void withoutTheSwitchTheInMemoryDefaultsStay() {
    contextRunner
        .withPropertyValues("spring.data.redis.port=" + REDIS.port())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(InMemorySessionStore.class);
              assertThat(context).hasSingleBean(LocalIdentifyLimiter.class);
              assertThat(context).doesNotHaveBean(RedisKeys.class);
              assertThat(context).doesNotHaveBean(SessionCheckpointListener.class);
            });
  }

  @Test
  void switchedOnTheShardsShareIdentifiesAndSessionsThroughRedis() {
    enabled()
        .withPropertyValues("discord.gateway.coordination.redis.key-prefix=bots:")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(IdentifyLimiter.class))
                  .isInstanceOf(RedisIdentifyLimiter.class);
              assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
              assertThat(context).hasSingleBean(SessionCheckpointListener.class);
              assertThat(context).hasSingleBean(ShardManager.class);
              RedisKeys keys = context.getBean(RedisKeys.class);
              assertThat(keys).isEqualTo(new RedisKeys("bots:", BOT_ID));
              assertThat(keys.session(3, 8)).isEqualTo("bots:{" + BOT_ID + "}:session:8:3");
              assertThat(keys.toString()).doesNotContain("secret-token-value");
            });
  }

  @Test
  void withoutSpringDataRedisNothingChangesEvenWhenSwitchedOn(CapturedOutput output) {
    enabled()
        .withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(InMemorySessionStore.class);
              assertThat(context).hasSingleBean(LocalIdentifyLimiter.class);
              assertThat(context).doesNotHaveBean(RedisKeys.class);
              assertThat(output).contains("add spring-boot-starter-data-redis");
            });
  }

  @Test
  void anApplicationLimiterOrStoreTakesPrecedence() {
    InMemorySessionStore store = new InMemorySessionStore();
    enabled()
        .withBean(SessionStore.class, () -> store)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SessionStore.class)).isSameAs(store);
              assertThat(context).doesNotHaveBean(RedisSessionStore.class);
              assertThat(context).doesNotHaveBean(SessionCheckpointListener.class);
              assertThat(context.getBean(IdentifyLimiter.class))
                  .isInstanceOf(RedisIdentifyLimiter.class);
            });
  }

  @Test
  void aTokenThatDoesNotNameTheBotNeedsTheBotIdProperty() {
    enabled()
        .withPropertyValues("discord.gateway.token=opaque-test-token")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("discord.gateway.coordination.redis.bot-id")
                    .hasMessageNotContaining("opaque-test-token"));
    enabled()
        .withPropertyValues(
            "discord.gateway.token=opaque-test-token",
            "discord.gateway.coordination.redis.bot-id=42")
        .run(context -> assertThat(context.getBean(RedisKeys.class).botId()).isEqualTo("42"));
  }

  @Test
  void healthShowsTheRedisBackendAndGoesDownWhenRedisIsUnreachable() throws Exception {
    enabled()
        .run(
            context -> {
              Health health = context.getBean(RedisCoordinationHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("backend", "redis")
                  .containsEntry("botId", BOT_ID)
                  .containsKeys("identify", "sessions");
              assertThat(health.toString()).doesNotContain("secret-token-value");
            });
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    enabled()
        .withPropertyValues("spring.data.redis.port=" + closedPort)
        .run(
            context -> {
              context.getBean(IdentifyLimiter.class).acquire(0, 1);
              RedisCoordinationHealthIndicator indicator =
                  context.getBean(RedisCoordinationHealthIndicator.class);
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(
                      () ->
                          indicator
                              .health()
                              .getDetails()
                              .get("identify")
                              .toString()
                              .contains("reachable=false"));
              Health health = indicator.health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("identify").toString()).contains("waiting=1");
              // the store found out when it tried to connect at start-up
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(
                      () ->
                          indicator
                              .health()
                              .getDetails()
                              .get("sessions")
                              .toString()
                              .contains("reachable=false"));
            });
  }

  @Test
  void metersCountPermitsGrantedAndWaited() {
    enabled()
        .run(
            context -> {
              SimpleMeterRegistry registry = new SimpleMeterRegistry();
              context.getBean(RedisCoordinationMeterBinder.class).bindTo(registry);
              IdentifyLimiter limiter = context.getBean(IdentifyLimiter.class);
              limiter.acquire(0, 1).get(10, java.util.concurrent.TimeUnit.SECONDS);

              assertThat(
                      registry
                          .get("discord.gateway.identify.permits.granted")
                          .tag("backend", "redis")
                          .functionCounter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(registry.get("discord.gateway.identify.permits.waited").functionCounter())
                  .isNotNull();
              assertThat(registry.get("discord.gateway.identify.permits.waiting").gauge().value())
                  .isZero();
            });
  }

  @Test
  void withoutMicrometerThereAreNoMeters() {
    enabled()
        .withClassLoader(new FilteredClassLoader("io.micrometer"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(RedisIdentifyLimiter.class);
              assertThat(context).doesNotHaveBean(RedisCoordinationMeterBinder.class);
            });
  }

  @Test
  void coordinationHealthIsRedisWhenSwitchedOnAndLocalOtherwiseNeverShowingTheToken() {
    ApplicationContextRunner withHealth =
        contextRunner.withConfiguration(
            AutoConfigurations.of(DiscordCoordinationHealthAutoConfiguration.class));
    withHealth
        .withPropertyValues("spring.data.redis.port=" + REDIS.port())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(RedisCoordinationHealthIndicator.class);
              Health health = context.getBean(LocalCoordinationHealthIndicator.class).health();
              assertThat(health.getDetails()).containsEntry("backend", "local");
              assertThat(health.toString()).doesNotContain(TOKEN);
            });
    withHealth
        .withPropertyValues(
            "discord.gateway.coordination.redis.enabled=true",
            "spring.data.redis.port=" + REDIS.port())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(LocalCoordinationHealthIndicator.class);
              Health health = context.getBean(RedisCoordinationHealthIndicator.class).health();
              assertThat(health.getDetails()).containsEntry("backend", "redis");
              assertThat(health.toString()).doesNotContain(TOKEN);
            });
  }

  @Test
  void theCoordinationHealthSwitchTurnsOffTheRedisIndicatorToo() {
    enabled()
        .withConfiguration(AutoConfigurations.of(DiscordCoordinationHealthAutoConfiguration.class))
        .withPropertyValues("management.health.discordcoordination.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(RedisIdentifyLimiter.class);
              assertThat(context).doesNotHaveBean(RedisCoordinationHealthIndicator.class);
              assertThat(context).doesNotHaveBean(LocalCoordinationHealthIndicator.class);
            });
  }
}
