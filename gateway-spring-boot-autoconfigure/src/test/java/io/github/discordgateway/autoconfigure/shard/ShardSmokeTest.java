package io.github.discordgateway.autoconfigure.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

class ShardSmokeTest {

  @ParameterizedTest(name = "{0} over {1}, {2} transport")
  @CsvSource({
    "JSON, ZLIB_STREAM, SPRING",
    "JSON, ZSTD_STREAM, SPRING",
    "ETF, ZLIB_STREAM, SPRING",
    "ETF, ZSTD_STREAM, SPRING",
    "JSON, ZLIB_STREAM, JDK",
    "ETF, ZSTD_STREAM, JDK"
  })
  void identifiesReceivesEventsAndResumesAfterReconnectRequest(
      Encoding encoding, Compression compression, ShardHarness.TransportKind transport)
      throws Exception {
    Collector collector = new Collector();
    try (FakeDiscordGateway gateway =
            FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(500)).start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder(gateway.token())
                        .intents(java.util.EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                        .encoding(encoding)
                        .compression(compression)
                        .build(),
                    transport == ShardHarness.TransportKind.JDK
                        ? ShardHarness.JDK_TRANSPORT
                        : new SpringWebSocketTransport(
                            new StandardWebSocketClient(), 16 << 20, Duration.ofSeconds(5)))
                .gatewayUrl(gateway.gatewayUrl())
                .totalShards(1)
                .listener(collector)
                .build()) {
      List<ShardEvent> events = collector.events;
      manager.start().get(10, TimeUnit.SECONDS);
      assertThat(manager.shard(0).orElseThrow().status()).isEqualTo(ShardStatus.CONNECTED);
      gateway.dispatch(
          0,
          FakeEvents.messageCreate(
              gateway.config().guilds().get(0),
              gateway.config().guilds().get(0).members().get(0),
              "hello"));
      await().atMost(Duration.ofSeconds(5)).until(() -> types(events).contains("MESSAGE_CREATE"));
      gateway.sendReconnect(0);
      await().atMost(Duration.ofSeconds(10)).until(() -> types(events).contains("RESUMED"));
      assertThat(gateway.recorder().resumeCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().connections())
          .allSatisfy(
              c -> {
                assertThat(c.etf()).isEqualTo(encoding == Encoding.ETF);
                assertThat(c.zstdStream()).isEqualTo(compression == Compression.ZSTD_STREAM);
              });
    }
  }

  static final class Collector implements io.github.discordgateway.core.event.GatewayEventListener {
    final List<ShardEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ShardEvent event) {
      events.add(event);
    }
  }

  static List<String> types(List<ShardEvent> events) {
    return events.stream()
        .filter(ShardDispatch.class::isInstance)
        .map(e -> ((ShardDispatch) e).type())
        .toList();
  }
}
