package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeConnection;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every test of {@link GatewayEventsIntegrationTests}, with the Spring stack reading Discord's
 * {@code zstd-stream} transport compression from the fake instead of {@code zlib-stream}.
 */
@TestPropertySource(properties = "discord.gateway.compression=zstd-stream")
class GatewayEventsOverZstdIntegrationTests extends GatewayEventsIntegrationTests {

  @Test
  void theConnectionReallyUsesZstdStream() {
    FakeConnection connection = gateway.recorder().connections().get(0);

    assertThat(connection.queryParameters()).containsEntry("compress", "zstd-stream");
    assertThat(connection.zstdStream()).isTrue();
  }
}
