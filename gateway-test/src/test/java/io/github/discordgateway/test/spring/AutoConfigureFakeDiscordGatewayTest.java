package io.github.discordgateway.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(AutoConfigureFakeDiscordGatewayTest.Empty.class)
@AutoConfigureFakeDiscordGateway(heartbeatIntervalMillis = 300, shards = 2)
class AutoConfigureFakeDiscordGatewayTest {

  @Configuration(proxyBeanMethods = false)
  static class Empty {}

  @Autowired FakeDiscordGateway gateway;
  @Autowired Environment environment;
  @Autowired ApplicationContext context;

  @Value("${discord.gateway.url}")
  String url;

  @Test
  void setsTheGatewayPropertiesAndRegistersTheBean() {
    assertThat(url).isEqualTo(gateway.gatewayUrl()).startsWith("ws://127.0.0.1:");
    assertThat(environment.getProperty("discord.gateway.api-url"))
        .isEqualTo(gateway.apiBaseUrl())
        .isEqualTo("http://127.0.0.1:" + gateway.port() + "/api/v10");
    assertThat(environment.getProperty("discord.gateway.token")).isEqualTo(gateway.token());
    assertThat(context.getBeansOfType(FakeDiscordGateway.class)).hasSize(1);
    assertThat(gateway.isClosed()).isFalse();
  }

  @Test
  void appliesTheAnnotationAttributes() {
    assertThat(gateway.config().heartbeatInterval()).isEqualTo(Duration.ofMillis(300));
    assertThat(gateway.config().shards()).isEqualTo(2);
  }
}
