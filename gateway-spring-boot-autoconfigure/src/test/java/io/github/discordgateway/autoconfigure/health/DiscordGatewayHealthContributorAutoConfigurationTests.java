package io.github.discordgateway.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

class DiscordGatewayHealthContributorAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ApplicationAvailabilityAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  AvailabilityHealthContributorAutoConfiguration.class,
                  AvailabilityProbesAutoConfiguration.class,
                  DiscordGatewayHealthContributorAutoConfiguration.class))
          .withUserConfiguration(FakeGatewayShards.class)
          .withPropertyValues(
              "management.endpoint.health.show-details=always",
              "management.endpoint.health.show-components=always");

  @Test
  void registersDiscordGatewayContributorThatIsOutOfServiceBeforeShardsExist() {
    contextRunner.run(
        context -> {
          assertThat(context).hasSingleBean(DiscordGatewayHealthContributor.class);
          HealthDescriptor health = endpoint(context).healthForPath("discordGateway");
          assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
          assertThat(shard(context, DiscordGatewayHealthContributor.NO_SHARDS).getStatus())
              .isEqualTo(Status.OUT_OF_SERVICE);
        });
  }

  @Test
  void hasOneComponentPerShardThatIsOutOfServiceUntilStarted() {
    contextRunner
        .withPropertyValues("test.shards=3")
        .run(
            context -> {
              context.getBean(ShardManager.class).prepare();
              DiscordGatewayHealthContributor contributor =
                  context.getBean(DiscordGatewayHealthContributor.class);
              assertThat(contributor.stream().map(e -> e.name()))
                  .containsExactly("shard-0", "shard-1", "shard-2");
              assertThat(shard(context, "shard-1").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
              assertThat(shard(context, "shard-1").getDetails()).containsEntry("state", "STOPPED");
              assertThat(contributor.getContributor("shard-9")).isNull();
            });
  }

  @Test
  void followsShardThroughConnectZombieResumeAndFatalClose() {
    contextRunner.run(
        context -> {
          FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
          ShardManager manager = context.getBean(ShardManager.class);
          manager.start().get(10, TimeUnit.SECONDS);

          await()
              .atMost(TIMEOUT)
              .until(
                  () ->
                      shard(context, "shard-0").getStatus() == Status.UP
                          && shard(context, "shard-0")
                              .getDetails()
                              .containsKey("heartbeatRoundTripMillis"));
          assertThat(endpoint(context).healthForPath("discordGateway").getStatus())
              .isEqualTo(Status.UP);
          assertThat(shard(context, "shard-0").getDetails())
              .containsEntry("state", "CONNECTED")
              .containsKeys("heartbeatRoundTripMillis", "millisSinceHeartbeatAck", "guilds");

          gateway.stopAckingHeartbeats();
          await()
              .atMost(TIMEOUT)
              .pollInterval(Duration.ofMillis(5))
              .until(() -> shard(context, "shard-0").getStatus() == Status.OUT_OF_SERVICE);

          gateway.resumeAckingHeartbeats();
          await()
              .atMost(TIMEOUT)
              .until(
                  () ->
                      shard(context, "shard-0").getStatus() == Status.UP
                          && gateway.recorder().resumeCount(0) >= 1);
          assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
          assertThat(shard(context, "shard-0").getDetails())
              .containsKey("lastCloseCode")
              .containsEntry("state", "CONNECTED");

          gateway.closeConnection(0, 4004, "Authentication failed");
          await().atMost(TIMEOUT).until(() -> shard(context, "shard-0").getStatus() == Status.DOWN);
          Health fatal = shard(context, "shard-0");
          assertThat(fatal.getDetails())
              .containsEntry("state", "FATAL")
              .containsEntry("closeCode", 4004)
              .containsEntry("error", "AUTHENTICATION_FAILED");
          assertThat((String) fatal.getDetails().get("hint")).contains("discord.gateway.token");
          assertThat(endpoint(context).healthForPath("discordGateway").getStatus())
              .isEqualTo(Status.DOWN);
        });
  }

  @Test
  void healthJsonContainsNeitherTokenNorSessionId() {
    contextRunner.run(
        context -> {
          FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
          context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
          await().atMost(TIMEOUT).until(() -> shard(context, "shard-0").getStatus() == Status.UP);
          String sessionId = gateway.sessionId(0).orElseThrow();
          JsonMapper json = JsonMapper.builder().build();

          String whole = json.writeValueAsString(endpoint(context).health());
          String component =
              json.writeValueAsString(endpoint(context).healthForPath("discordGateway"));

          assertThat(whole).contains("discordGateway").contains("shard-0").contains("CONNECTED");
          for (String text : new String[] {whole, component}) {
            assertThat(text).doesNotContain(gateway.token()).doesNotContain(sessionId);
          }
        });
  }

  @Test
  void toleratesConfiguredShareOfReconnectingShards() {
    contextRunner
        .withPropertyValues(
            "test.shards=2", "management.health.discordgateway.max-reconnecting-ratio=0.5")
        .run(
            context -> {
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
              await().atMost(TIMEOUT).until(() -> statusOf(context, "discordGateway") == Status.UP);

              gateway.refuseConnections(Duration.ofSeconds(30));
              gateway.closeConnection(1, 4000, "Unknown error");
              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          shard(context, "shard-1").getStatus()
                              == ShardHealthEvaluator.RECONNECTING);
              assertThat(shard(context, "shard-0").getStatus()).isEqualTo(Status.UP);
              assertThat(statusOf(context, "discordGateway")).isEqualTo(Status.UP);

              gateway.acceptConnections();
              await()
                  .atMost(TIMEOUT)
                  .until(() -> shard(context, "shard-1").getStatus() == Status.UP);
            });
  }

  @Test
  void compositeReportsReconnectingWhenEveryShardIsReconnectingWithinTheToleratedShare() {
    contextRunner
        .withPropertyValues(
            "test.shards=1", "management.health.discordgateway.max-reconnecting-ratio=1.0")
        .run(
            context -> {
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
              await().atMost(TIMEOUT).until(() -> statusOf(context, "discordGateway") == Status.UP);

              gateway.refuseConnections(Duration.ofSeconds(30));
              gateway.closeConnection(0, 4000, "Unknown error");
              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          shard(context, "shard-0").getStatus()
                              == ShardHealthEvaluator.RECONNECTING);
              assertThat(statusOf(context, "discordGateway"))
                  .isEqualTo(ShardHealthEvaluator.RECONNECTING);
              gateway.acceptConnections();
            });
  }

  @Test
  void statusOrderKeepsUpAheadOfReconnectingAndRespectsAnOrderTheApplicationSets() {
    contextRunner.run(
        context -> {
          StatusAggregator aggregator = context.getBean(StatusAggregator.class);
          assertThat(
                  aggregator.getAggregateStatus(
                      Set.of(Status.UP, ShardHealthEvaluator.RECONNECTING)))
              .isEqualTo(Status.UP);
          assertThat(
                  aggregator.getAggregateStatus(
                      Set.of(Status.OUT_OF_SERVICE, ShardHealthEvaluator.RECONNECTING)))
              .isEqualTo(Status.OUT_OF_SERVICE);
        });
    contextRunner
        .withPropertyValues("management.endpoint.health.status.order=down,up,unknown")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(StatusAggregator.class)
                            .getAggregateStatus(Set.of(ShardHealthEvaluator.RECONNECTING)))
                    .isEqualTo(Status.UNKNOWN));
  }

  @Test
  void reportsOutOfServiceWhenMoreShardsThanToleratedAreReconnecting() {
    contextRunner
        .withPropertyValues("test.shards=2")
        .run(
            context -> {
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
              await().atMost(TIMEOUT).until(() -> statusOf(context, "discordGateway") == Status.UP);

              gateway.refuseConnections(Duration.ofSeconds(30));
              gateway.closeConnection(1, 4000, "Unknown error");
              await()
                  .atMost(TIMEOUT)
                  .until(() -> shard(context, "shard-1").getStatus() == Status.OUT_OF_SERVICE);
              assertThat(statusOf(context, "discordGateway")).isEqualTo(Status.OUT_OF_SERVICE);
              gateway.acceptConnections();
            });
  }

  @Test
  void readinessGroupWaitsForShardsToConnect() {
    contextRunner.run(
        context -> {
          AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
          AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
          assertThat(context).hasSingleBean(DiscordGatewayReadinessGroupPostProcessor.class);
          assertThat(statusOf(context, "readiness")).isEqualTo(Status.OUT_OF_SERVICE);

          context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
          await().atMost(TIMEOUT).until(() -> statusOf(context, "readiness") == Status.UP);

          context
              .getBean(FakeDiscordGateway.class)
              .closeConnection(0, 4014, "Disallowed intent(s)");
          await().atMost(TIMEOUT).until(() -> statusOf(context, "readiness") == Status.DOWN);
          // a bad token is not fixed by a restart: liveness stays out of it
          assertThat(statusOf(context, "liveness")).isEqualTo(Status.UP);
        });
  }

  @Test
  void readinessGroupIsLeftAloneWhenSwitchedOff() {
    contextRunner
        .withPropertyValues("management.health.discordgateway.include-in-readiness=false")
        .run(
            context -> {
              AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
              assertThat(context).doesNotHaveBean(DiscordGatewayReadinessGroupPostProcessor.class);
              assertThat(statusOf(context, "readiness")).isEqualTo(Status.UP);
              assertThat(statusOf(context, "discordGateway")).isEqualTo(Status.OUT_OF_SERVICE);
            });
  }

  @Test
  void readinessGroupConfiguredByTheApplicationIsLeftAlone() {
    contextRunner
        .withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
        .run(
            context -> {
              AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
              assertThat(statusOf(context, "readiness")).isEqualTo(Status.UP);
            });
  }

  @Test
  void backsOffWhenSwitchedOff() {
    contextRunner
        .withPropertyValues("management.health.discordgateway.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(DiscordGatewayHealthContributor.class);
              assertThat(context).doesNotHaveBean(DiscordGatewayReadinessGroupPostProcessor.class);
            });
  }

  @Test
  void backsOffWhenHealthIsNotOnTheClasspath() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(HealthContributor.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DiscordGatewayHealthContributor.class);
              assertThat(context).hasSingleBean(ShardManager.class);
            });
  }

  @Test
  void backsOffWithoutShardManager() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                HealthContributorAutoConfiguration.class,
                DiscordGatewayHealthContributorAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(DiscordGatewayHealthContributor.class));
  }

  @Test
  void userDefinedContributorReplacesTheDefault() {
    contextRunner
        .withUserConfiguration(CustomContributor.class)
        .run(
            context -> {
              assertThat(context)
                  .getBean("discordGatewayHealthContributor")
                  .isInstanceOf(HealthIndicator.class);
              assertThat(context).doesNotHaveBean(DiscordGatewayHealthContributor.class);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomContributor {
    @Bean
    HealthIndicator discordGatewayHealthContributor() {
      return () -> Health.up().build();
    }
  }

  private static HealthEndpoint endpoint(AssertableApplicationContext context) {
    return context.getBean(HealthEndpoint.class);
  }

  private static Status statusOf(AssertableApplicationContext context, String path) {
    return endpoint(context).healthForPath(path).getStatus();
  }

  private static Health shard(AssertableApplicationContext context, String name) {
    HealthContributor contributor =
        context.getBean(DiscordGatewayHealthContributor.class).getContributor(name);
    assertThat(contributor).as(name).isInstanceOf(HealthIndicator.class);
    return ((HealthIndicator) contributor).health();
  }
}
