package io.github.discordgateway.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeDiscordGatewayExtension.class)
class FakeDiscordGatewayExtensionPerTestTest {

  private static final Set<Integer> PORTS = new HashSet<>();
  private static final Set<FakeDiscordGateway> SEEN = new HashSet<>();

  FakeDiscordGateway field;

  @BeforeEach
  void before(FakeDiscordGateway gateway) {
    assertThat(gateway).isSameAs(field);
  }

  @Test
  void injectsAStartedGatewayAsParameterAndField(FakeDiscordGateway gateway) {
    assertThat(gateway).isSameAs(field);
    assertThat(gateway.isClosed()).isFalse();
    assertThat(gateway.gatewayUrl()).startsWith("ws://127.0.0.1:");
    PORTS.add(gateway.port());
    SEEN.add(gateway);
  }

  @Test
  void eachTestGetsItsOwnGateway(FakeDiscordGateway gateway) {
    PORTS.add(gateway.port());
    SEEN.add(gateway);
  }

  @AfterAll
  static void closedAfterEachTest() {
    assertThat(SEEN).hasSize(2).allSatisfy(g -> assertThat(g.isClosed()).isTrue());
    assertThat(PORTS).hasSize(2);
  }
}
