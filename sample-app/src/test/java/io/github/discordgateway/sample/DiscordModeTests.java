package io.github.discordgateway.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.sample.simulator.DiscordSimulator;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code DISCORD_TOKEN} set the sample app connects to "Discord" (here a fake gateway that
 * only accepts that token, standing in for Discord on {@code 127.0.0.1}) with the intents of {@code
 * application.yml}, and starts no simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DiscordModeTests {

  private static final String TOKEN = "MTA4NTEyODM3MDAwNzU3MjQ4MA.GsAmPl.discord-mode-test-token";

  private static final FakeDiscordGateway DISCORD =
      FakeDiscordGateway.builder().token(TOKEN).heartbeatInterval(Duration.ofSeconds(1)).start();

  @DynamicPropertySource
  static void discord(DynamicPropertyRegistry registry) {
    // as the environment variable would: application.yml maps it to discord.gateway.token
    registry.add("DISCORD_TOKEN", () -> TOKEN);
    registry.add("discord.gateway.url", DISCORD::gatewayUrl);
    registry.add("discord.gateway.api-url", DISCORD::apiBaseUrl);
  }

  @Autowired ApplicationContext context;
  @Autowired DiscordGatewayLifecycle lifecycle;

  @Test
  void connectsWithTheTokenAndTheIntentsOfApplicationYmlAndNoSimulator(CapturedOutput output)
      throws Exception {
    lifecycle.ready().get(30, TimeUnit.SECONDS);

    assertThat(context.getBeansOfType(DiscordSimulator.class)).isEmpty();
    DISCORD
        .recorder()
        .assertIdentifiedWith(
            0,
            EnumSet.of(
                Intent.GUILDS,
                Intent.GUILD_MEMBERS,
                Intent.GUILD_PRESENCES,
                Intent.GUILD_MESSAGES,
                Intent.GUILD_MESSAGE_REACTIONS,
                Intent.GUILD_MESSAGE_TYPING,
                Intent.MESSAGE_CONTENT));
    assertThat(output.getAll()).doesNotContain("No DISCORD_TOKEN set").doesNotContain(TOKEN);
  }

  /** Closes the stand-in for Discord with the context, after the shards disconnected. */
  @TestConfiguration(proxyBeanMethods = false)
  static class CloseDiscordWithTheContext {
    @Bean
    DisposableBean closeFakeDiscord() {
      return DISCORD::close;
    }
  }
}
