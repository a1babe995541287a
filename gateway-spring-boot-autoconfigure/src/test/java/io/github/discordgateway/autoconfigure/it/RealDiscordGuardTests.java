package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.spring.RealDiscordGuardCustomizer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring test without the fake whose bot would reach discord.com fails to start, clearly. */
class RealDiscordGuardTests {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Bot {}

  private static SpringApplicationBuilder bot(String... properties) {
    return new SpringApplicationBuilder(Bot.class)
        .web(WebApplicationType.NONE)
        .initializers(context -> new RealDiscordGuardCustomizer().customizeContext(context, null))
        .properties("spring.main.banner-mode=off", "discord.gateway.token=a.test.token")
        .properties(properties);
  }

  @Test
  @DisplayName("a test whose bot would call discord.com fails naming the annotation to add")
  void aTestThatWouldCallDiscordFailsClearly() {
    Throwable failure = catchThrowable(() -> bot().run().close());
    assertThat(failure)
        .hasStackTraceContaining("discord.com")
        .hasStackTraceContaining("@AutoConfigureFakeDiscordGateway")
        .hasStackTraceContaining("discord.gateway.enabled=false");
  }

  @Test
  @DisplayName("without auto-startup, shard beans that would ask discord.com for the URL fail too")
  void noAutoStartupStillFailsWhenShardBeansWouldCallDiscord() {
    Throwable failure =
        catchThrowable(() -> bot("discord.gateway.auto-startup=false").run().close());
    assertThat(failure).hasStackTraceContaining("@AutoConfigureFakeDiscordGateway");
  }

  @Test
  @DisplayName("a fixed total with a discord.gg gateway URL fails too")
  void aRealGatewayUrlFails() {
    Throwable failure =
        catchThrowable(() -> bot("discord.gateway.url=wss://gateway.discord.gg").run().close());
    assertThat(failure).hasStackTraceContaining("gateway.discord.gg");
  }

  @Test
  @DisplayName("a bot that contacts nothing at start-up, or only loopback, passes")
  void loopbackOrNoAutoStartupPasses() {
    try (ConfigurableApplicationContext context =
        bot("discord.gateway.auto-startup=false", "discord.gateway.url=wss://gateway.discord.gg")
            .run()) {
      assertThat(context.getBeansOfType(ShardManager.class)).hasSize(1);
    }
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start();
        ConfigurableApplicationContext context =
            bot(
                    "discord.gateway.url=" + gateway.gatewayUrl(),
                    "discord.gateway.token=" + gateway.token())
                .run()) {
      assertThat(context.getBeansOfType(ShardManager.class)).hasSize(1);
    }
  }
}
