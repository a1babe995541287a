package io.github.discordgateway.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(classes = AutoConfigureFakeDiscordGatewayBootTest.App.class)
@AutoConfigureFakeDiscordGateway
class AutoConfigureFakeDiscordGatewayBootTest {

  @SpringBootConfiguration
  static class App {}

  @Autowired FakeDiscordGateway gateway;
  @Autowired Environment environment;

  @Test
  void springBootTestSeesTheFakeGateway() {
    assertThat(environment.getProperty("discord.gateway.url")).isEqualTo(gateway.gatewayUrl());
    assertThat(environment.getProperty("discord.gateway.api-url")).isEqualTo(gateway.apiBaseUrl());
    assertThat(environment.getProperty("discord.gateway.token")).isEqualTo(gateway.token());
  }
}
