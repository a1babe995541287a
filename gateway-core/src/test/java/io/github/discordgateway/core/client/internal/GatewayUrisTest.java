package io.github.discordgateway.core.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayUrisTest {

  @Test
  @DisplayName("15.1 connect URL: discovery URL with v=10, encoding=json and compress when set")
  void discoveryUrlGetsQuery() {
    assertThat(GatewayUris.connectUri("wss://gateway.discord.gg", Compression.NONE))
        .hasToString("wss://gateway.discord.gg/?v=10&encoding=json");
    assertThat(GatewayUris.connectUri("wss://gateway.discord.gg/", Compression.ZLIB_STREAM))
        .hasToString("wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream");
    assertThat(GatewayUris.connectUri("ws://127.0.0.1:8080/gw?v=6", Compression.ZSTD_STREAM))
        .hasToString("ws://127.0.0.1:8080/gw?v=10&encoding=json&compress=zstd-stream");
  }

  @Test
  @DisplayName("15.1 connect URL: settings give the URL with their own encoding and compression")
  void settingsGiveTheirConnectUrl() {
    GatewaySettings settings =
        GatewaySettings.builder("token")
            .compression(Compression.ZLIB_STREAM)
            .encoding(Encoding.ETF)
            .build();
    assertThat(settings.connectUri("wss://gateway.discord.gg"))
        .hasToString("wss://gateway.discord.gg/?v=10&encoding=etf&compress=zlib-stream");
  }

  @Test
  @DisplayName("15.1 connect URL: a resume goes to resume_gateway_url with the same query")
  void resumeUsesResumeUrlWithSameQuery() {
    SessionSnapshot snapshot = new SessionSnapshot("s", 5, "wss://gateway-us-east1-c.discord.gg");
    assertThat(
            GatewayUris.nextConnectUri(
                "wss://gateway.discord.gg", snapshot, Compression.ZLIB_STREAM))
        .hasToString(
            "wss://gateway-us-east1-c.discord.gg/?v=10&encoding=json&compress=zlib-stream");
    assertThat(
            GatewayUris.nextConnectUri(
                "wss://gateway.discord.gg", SessionSnapshot.NONE, Compression.ZLIB_STREAM))
        .hasToString("wss://gateway.discord.gg/?v=10&encoding=json&compress=zlib-stream");
  }

  @Test
  @DisplayName("15.1 connect URL: a relative or broken URL is refused clearly")
  void rejectsBadUrls() {
    assertThatThrownBy(() -> GatewayUris.connectUri("gateway", Compression.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway URL");
  }

  @Test
  @DisplayName("compression parses query values and names")
  void compressionParses() {
    assertThat(Compression.parse("zlib-stream")).isEqualTo(Compression.ZLIB_STREAM);
    assertThat(Compression.parse("ZSTD_STREAM")).isEqualTo(Compression.ZSTD_STREAM);
    assertThat(Compression.parse("none")).isEqualTo(Compression.NONE);
    assertThatThrownBy(() -> Compression.parse("gzip")).hasMessageContaining("zlib-stream");
  }
}
