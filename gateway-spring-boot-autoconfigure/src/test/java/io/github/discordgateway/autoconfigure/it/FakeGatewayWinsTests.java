package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.spring.AutoConfigureFakeDiscordGateway;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * The application defines its own {@link DiscordConnectionDetails} for the real Discord; the
 * annotation still points the bot at the fake, runs the annotation's shard count and hands the
 * context over only once every shard is live.
 */
@SpringBootTest(
    classes = FakeGatewayWinsTests.Bot.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureFakeDiscordGateway(shards = 2)
class FakeGatewayWinsTests {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Bot {
    @Bean
    DiscordConnectionDetails productionConnectionDetails() {
      return DiscordConnectionDetails.of(
          URI.create("wss://gateway.discord.gg"),
          DiscordConnectionDetails.DEFAULT_API_URL,
          "production.token.from.a.secret.store");
    }
  }

  @Autowired FakeDiscordGateway discord;
  @Autowired DiscordConnectionDetails connectionDetails;
  @Autowired DiscordGatewayLifecycle lifecycle;
  @Autowired ShardManager shardManager;

  @Test
  @DisplayName("the fake wins over the application's DiscordConnectionDetails bean")
  void theFakeWinsOverTheApplicationsConnectionDetails() {
    assertThat(connectionDetails.gatewayUrl()).hasToString(discord.gatewayUrl());
    assertThat(connectionDetails.token()).isEqualTo(discord.token());
    assertThat(discord.recorder().identifyCount(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("shards sets the bot's shard count, and the context starts once all are live")
  void shardsSetsTheBotsShardCountAndTheTestStartsWhenTheyAreLive() {
    assertThat(shardManager.totalShards()).isEqualTo(2);
    assertThat(lifecycle.ready()).isCompleted();
    assertThat(discord.sessionId(0)).isPresent();
    assertThat(discord.sessionId(1)).isPresent();
  }
}
