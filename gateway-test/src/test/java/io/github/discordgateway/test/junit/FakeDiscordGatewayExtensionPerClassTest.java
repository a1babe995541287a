package io.github.discordgateway.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeDiscordGatewayExtensionPerClassTest {

  @RegisterExtension
  static final FakeDiscordGatewayExtension EXTENSION =
      FakeDiscordGatewayExtension.perClass(
          FakeGatewayConfig.builder().heartbeatInterval(Duration.ofMillis(250)).build());

  static FakeDiscordGateway shared;
  private static FakeDiscordGateway first;

  @BeforeAll
  static void beforeAll(FakeDiscordGateway gateway) {
    assertThat(gateway).isSameAs(shared);
  }

  @Test
  @Order(1)
  void usesTheConfiguredOptions(FakeDiscordGateway gateway) {
    assertThat(gateway.config().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
    first = gateway;
  }

  @Test
  @Order(2)
  void sharesOneGatewayAcrossTheClass(FakeDiscordGateway gateway) {
    assertThat(gateway).isSameAs(first).isSameAs(shared);
    assertThat(gateway.isClosed()).isFalse();
  }

  @AfterAll
  static void stillOpenInAfterAll(FakeDiscordGateway gateway) {
    assertThat(gateway.isClosed()).isFalse();
  }
}
