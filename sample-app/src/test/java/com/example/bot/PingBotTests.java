package com.example.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.spring.AutoConfigureFakeDiscordGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureFakeDiscordGateway // the context starts once the bot's session is live
class PingBotTests {

  @Autowired FakeDiscordGateway discord;

  @Test
  void answersPingWithAPresence() {
    FakeGuild guild = discord.config().guilds().get(0);
    // route: to the shard of the message's guild, as Discord does
    discord.route(FakeEvents.messageCreate(guild, guild.members().get(0), "!ping"));

    ClientPayload presence = discord.takeCommand(Opcode.PRESENCE_UPDATE, Duration.ofSeconds(10));
    assertThat(presence.data().get("activities").get(0).get("name").asString()).isEqualTo("pong");
  }
}
