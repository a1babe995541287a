package com.example.bot;

import static org.awaitility.Awaitility.await;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.spring.AutoConfigureFakeDiscordGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureFakeDiscordGateway
class PingBotResumeTests {

  @Autowired FakeDiscordGateway discord;

  @Test
  void resumesWhenDiscordAsksForAReconnect() {
    discord.sendReconnect(0); // op 7: the bot must resume its session, not identify again
    await().atMost(Duration.ofSeconds(10)).until(() -> discord.recorder().resumeCount(0) == 1);
  }
}
