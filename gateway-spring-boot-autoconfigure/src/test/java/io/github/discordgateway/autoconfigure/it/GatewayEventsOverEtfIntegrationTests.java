package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.test.FakeConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every test of {@link GatewayEventsIntegrationTests}, with the Spring stack speaking Discord's ETF
 * encoding (under zlib-stream, the default compression) instead of JSON.
 */
@TestPropertySource(properties = "discord.gateway.encoding=etf")
class GatewayEventsOverEtfIntegrationTests extends GatewayEventsIntegrationTests {

  @Test
  void theConnectionReallyUsesEtfBothWays() {
    FakeConnection connection = gateway.recorder().connections().get(0);

    assertThat(connection.queryParameters()).containsEntry("encoding", "etf");
    assertThat(connection.etf()).isTrue();
    // the fake read the client's Identify from an ETF binary frame
    assertThat(gateway.recorder().payloads(Opcode.IDENTIFY)).isNotEmpty();
    assertThat(gateway.takeHeartbeat(Duration.ofSeconds(5)).op()).isEqualTo(1);
  }
}
