package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.autoconfigure.event.ShardFatalEvent;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributor;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributorAutoConfiguration;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

/**
 * A fatal close code on one shard of four, through the whole Spring stack: that shard makes exactly
 * one connection and never retries, fails with the typed error, publishes {@link ShardFatalEvent}
 * and is DOWN in health; the other three stay UP and keep receiving events.
 */
class FatalCloseCodesTest {

  private static final int SHARDS = 4;
  private static final int VICTIM = 2;
  private static final Duration WAIT = Duration.ofSeconds(15);

  @ParameterizedTest(name = "close {0} on shard 2 of 4 -> {1}, the others unaffected")
  // one code of each origin (token, intents): the whole table of codes and kinds is checked on
  // virtual time in gateway-core (ShardReidentifyAndFatalCodesTest)
  @CsvSource({"4004, AUTHENTICATION_FAILED", "4014, DISALLOWED_INTENTS"})
  void fatalCloseStopsOnlyThatShardWithoutRetry(int code, GatewayException.Kind kind) {
    List<FakeGuild> guilds = Reliability.guildPerShard(SHARDS);
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder()
            .heartbeatInterval(Duration.ofSeconds(1))
            .shards(SHARDS)
            .maxConcurrency(SHARDS)
            .guilds(guilds)
            .start()) {
      gateway.failIdentify(VICTIM, code, "Scripted fatal close");
      List<ShardFatalEvent> fatalEvents = new CopyOnWriteArrayList<>();
      List<MessageCreateEvent> messages = new CopyOnWriteArrayList<>();
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DiscordGatewayAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  DiscordGatewayHealthContributorAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.url=" + gateway.gatewayUrl(),
              "discord.gateway.api-url=" + gateway.apiBaseUrl(),
              "discord.gateway.token=" + gateway.token(),
              "discord.gateway.shards.total=" + SHARDS,
              "discord.gateway.shards.max-concurrency=" + SHARDS,
              "discord.gateway.reconnect.initial-backoff=20ms",
              "discord.gateway.reconnect.max-backoff=200ms",
              "management.endpoint.health.show-details=always",
              "management.endpoint.health.show-components=always")
          .withBean(
              "fatalRecorder",
              ApplicationListener.class,
              () -> (ApplicationListener<ShardFatalEvent>) fatalEvents::add)
          .withBean(
              "messageRecorder",
              ApplicationListener.class,
              () -> (ApplicationListener<MessageCreateEvent>) messages::add)
          .run(
              context -> {
                Throwable failure =
                    catchThrowable(
                        () ->
                            context
                                .getBean(DiscordGatewayLifecycle.class)
                                .ready()
                                .get(WAIT.toSeconds(), TimeUnit.SECONDS));
                // a typed error, with the kind and the code
                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause())
                    .isInstanceOfSatisfying(
                        GatewayException.class,
                        error -> {
                          assertThat(error.kind()).isEqualTo(kind);
                          assertThat(error.fatal()).isTrue();
                          assertThat(error.closeCode()).hasValue(code);
                        });
                ShardManager manager = context.getBean(ShardManager.class);
                Shard victim = manager.shard(VICTIM).orElseThrow();
                assertThat(victim.status()).isEqualTo(ShardStatus.FATAL);
                assertThat(victim.fatalError().kind()).isEqualTo(kind);

                // a lifecycle event, once
                await().atMost(WAIT).until(() -> !fatalEvents.isEmpty());
                assertThat(fatalEvents)
                    .singleElement()
                    .satisfies(
                        event -> {
                          assertThat(event.shardId()).isEqualTo(VICTIM);
                          assertThat(event.closeCode()).isEqualTo(code);
                          assertThat(event.error().kind()).isEqualTo(kind);
                        });

                // the others are live and UP; the victim is DOWN, and so is the whole
                await()
                    .atMost(WAIT)
                    .untilAsserted(
                        () -> {
                          for (int shard = 0; shard < SHARDS; shard++) {
                            assertThat(health(context, "shard-" + shard))
                                .as("shard %d", shard)
                                .isEqualTo(shard == VICTIM ? Status.DOWN : Status.UP);
                          }
                        });
                assertThat(
                        context
                            .getBean(HealthEndpoint.class)
                            .healthForPath("discordGateway")
                            .getStatus())
                    .isEqualTo(Status.DOWN);

                // zero retries: one connection per shard, one Identify from the victim, even long
                // after the 20-200 ms backoff would have fired
                await()
                    .during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> gateway.recorder().connectionCount() == SHARDS);
                assertThat(identifiesOf(gateway, VICTIM)).isOne();
                assertThat(victim.state().connections()).isOne();
                assertThat(victim.status()).isEqualTo(ShardStatus.FATAL);

                // the other shards keep receiving events
                for (int shard = 0; shard < SHARDS; shard++) {
                  FakeGuild guild = guilds.get(shard);
                  gateway.dispatch(
                      shard,
                      FakeEvents.messageCreate(guild, guild.members().get(0), "after fatal"));
                }
                await().atMost(WAIT).until(() -> messages.size() == SHARDS - 1);
                assertThat(messages)
                    .extracting(MessageCreateEvent::shardId)
                    .containsExactlyInAnyOrder(0, 1, 3);
                for (int shard = 0; shard < SHARDS; shard++) {
                  if (shard != VICTIM) {
                    assertThat(manager.shard(shard).orElseThrow().status())
                        .isEqualTo(ShardStatus.CONNECTED);
                  }
                }
              });
    }
  }

  private static long identifiesOf(FakeDiscordGateway gateway, int shard) {
    return gateway.recorder().payloads(Opcode.IDENTIFY).stream()
        .map(ClientPayload::data)
        .filter(d -> d.path("shard").path(0).asInt(-1) == shard)
        .count();
  }

  private static Status health(AssertableApplicationContext context, String shard) {
    HealthIndicator indicator =
        (HealthIndicator)
            context.getBean(DiscordGatewayHealthContributor.class).getContributor(shard);
    return indicator.health().getStatus();
  }
}
