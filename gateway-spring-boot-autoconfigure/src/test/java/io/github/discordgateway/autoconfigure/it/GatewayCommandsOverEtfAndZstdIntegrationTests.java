package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeConnection;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Every test of {@link GatewayCommandsIntegrationTests} in ETF over zstd-stream. */
@TestPropertySource(
    properties = {"discord.gateway.encoding=etf", "discord.gateway.compression=zstd-stream"})
class GatewayCommandsOverEtfAndZstdIntegrationTests extends GatewayCommandsIntegrationTests {

  @Test
  void theConnectionReallyUsesEtfOverZstd() {
    FakeConnection connection = fake().recorder().connections().get(0);

    assertThat(connection.etf()).isTrue();
    assertThat(connection.zstdStream()).isTrue();
  }
}
