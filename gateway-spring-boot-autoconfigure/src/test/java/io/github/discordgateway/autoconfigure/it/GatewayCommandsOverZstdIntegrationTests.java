package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeConnection;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Every test of {@link GatewayCommandsIntegrationTests} in zstd-stream instead of zlib-stream. */
@TestPropertySource(properties = "discord.gateway.compression=zstd-stream")
class GatewayCommandsOverZstdIntegrationTests extends GatewayCommandsIntegrationTests {

  @Test
  void theConnectionReallyUsesZstdStream() {
    FakeConnection connection = fake().recorder().connections().get(0);

    assertThat(connection.zstdStream()).isTrue();
    assertThat(connection.etf()).isFalse();
  }
}
