package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.ShardFatalEvent;
import io.github.discordgateway.autoconfigure.event.ShardLifecycleEvent;
import io.github.discordgateway.autoconfigure.event.ShardResumedEvent;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardSignal;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;

@ExtendWith(OutputCaptureExtension.class)
class GatewayLifecycleIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(10);

  private ApplicationContextRunner runner(FakeDiscordGateway gateway) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
        .withPropertyValues(
            "discord.gateway.url=" + gateway.gatewayUrl(),
            "discord.gateway.api-url=" + gateway.apiBaseUrl(),
            "discord.gateway.token=" + gateway.token());
  }

  @Test
  void closingTheContextClosesResumablyAndTheNextContextResumes() {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().heartbeatInterval(Duration.ofSeconds(1)).start()) {
      SessionStore store = new InMemorySessionStore();
      runner(gateway)
          .withBean(SessionStore.class, () -> store)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
              });
      // the fake records the close frame on its own I/O thread
      await().atMost(WAIT).until(() -> !gateway.recorder().clientCloseCodes().isEmpty());
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
      await().atMost(WAIT).until(() -> store.load(0, 1).isPresent());

      List<ShardLifecycleEvent<?>> events = new CopyOnWriteArrayList<>();
      runner(gateway)
          .withBean(SessionStore.class, () -> store)
          .withBean(
              "recorder",
              ApplicationListener.class,
              () -> (ApplicationListener<ShardLifecycleEvent<?>>) events::add)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> gateway.recorder().resumeCount(0) == 1);
                await()
                    .atMost(WAIT)
                    .until(() -> events.stream().anyMatch(ShardResumedEvent.class::isInstance));
              });
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
    }
  }

  @Test
  void fatalCloseIsLoggedAndPublished(CapturedOutput output) {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().allowedPrivilegedIntents(Set.of()).start()) {
      List<ShardFatalEvent> fatal = new CopyOnWriteArrayList<>();
      runner(gateway)
          .withPropertyValues("discord.gateway.intents=GUILDS,GUILD_MEMBERS")
          .withBean(
              "recorder",
              ApplicationListener.class,
              () -> (ApplicationListener<ShardFatalEvent>) fatal::add)
          .run(
              context -> {
                ExecutionException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class,
                        () ->
                            context
                                .getBean(DiscordGatewayLifecycle.class)
                                .ready()
                                .get(10, TimeUnit.SECONDS));
                assertThat(((GatewayException) failure.getCause()).kind())
                    .isEqualTo(GatewayException.Kind.DISALLOWED_INTENTS);
                await().atMost(WAIT).until(() -> !fatal.isEmpty());
                assertThat(fatal.get(0).closeCode()).isEqualTo(4014);
              });
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(output)
                      .contains("The Discord gateway stopped a shard (DISALLOWED_INTENTS)"));
      assertThat(Intent.GUILD_MEMBERS.privileged()).isTrue();
    }
  }

  @Test
  void everyShardObserverBeanIsApplied() {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      AtomicInteger first = new AtomicInteger();
      AtomicInteger second = new AtomicInteger();
      runner(gateway)
          .withBean(
              "first",
              ShardObserver.class,
              () ->
                  (ShardObserver)
                      signal -> {
                        if (signal instanceof ShardSignal.Identified) {
                          first.incrementAndGet();
                        }
                      })
          .withBean(
              "second",
              ShardObserver.class,
              () ->
                  (ShardObserver)
                      signal -> {
                        if (signal instanceof ShardSignal.Identified) {
                          second.incrementAndGet();
                        }
                      })
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                assertThat(first).hasValue(1);
                assertThat(second).hasValue(1);
              });
    }
  }
}
