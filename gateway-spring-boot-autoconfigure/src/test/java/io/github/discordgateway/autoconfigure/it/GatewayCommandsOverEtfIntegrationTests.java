package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeConnection;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every test of {@link GatewayCommandsIntegrationTests} in ETF (under zlib-stream) instead of JSON.
 */
@TestPropertySource(properties = "discord.gateway.encoding=etf")
class GatewayCommandsOverEtfIntegrationTests extends GatewayCommandsIntegrationTests {

  @Test
  void theConnectionReallyUsesEtf() {
    FakeConnection connection = fake().recorder().connections().get(0);

    assertThat(connection.etf()).isTrue();
    assertThat(connection.zstdStream()).isFalse();
  }
}
