package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code encoding=etf}: the fake writes and reads ETF, under every transport compression. */
class EtfTest {

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient etfClient(String compress) {
    String query = "/?v=10&encoding=etf" + (compress.isEmpty() ? "" : "&compress=" + compress);
    TestClient client = TestClient.connect(gateway.gatewayUrl() + query);
    client.expectOp(10);
    client.send(TestClient.identify(gateway.token(), 1 | 512 | 32768, null));
    return client;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "zlib-stream", "zstd-stream"})
  void identifyHeartbeatAndDispatchesTravelAsEtf(String compress) {
    try (TestClient client = etfClient(compress)) {
      JsonNode ready = client.expectDispatch("READY");
      client.expectDispatch("GUILD_CREATE");
      FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
      gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "h\u00e9llo"));
      JsonNode message = client.expectDispatch("MESSAGE_CREATE");
      client.heartbeat(3L);
      client.expectOp(11);

      assertThat(ready.get("d").get("session_id").asString()).isNotEmpty();
      // snowflake ids arrive as integers, as Discord writes them in ETF
      assertThat(message.get("d").get("id").isIntegralNumber()).isTrue();
      assertThat(message.get("d").get("guild_id").asString()).isEqualTo(guild.id());
      assertThat(message.get("d").get("content").asString()).isEqualTo("h\u00e9llo");
      assertThat(client.textFrames.get()).isZero();
      assertThat(gateway.recorder().connections().get(0).etf()).isTrue();
      assertThat(gateway.recorder().heartbeatSequences(0)).containsExactly(3L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"atom-key", "garbage"})
  void anEtfPayloadDiscordWouldRefuseClosesWith4002(String kind) {
    try (TestClient client = etfClient("")) {
      client.expectDispatch("READY");
      byte[] bad =
          kind.equals("garbage")
              ? "{\"op\":1}".getBytes(StandardCharsets.UTF_8)
              // {op => 1, d => nil} with atom keys
              : new byte[] {
                (byte) 131,
                116,
                0,
                0,
                0,
                2,
                119,
                2,
                'o',
                'p',
                97,
                1,
                119,
                1,
                'd',
                119,
                3,
                'n',
                'i',
                'l'
              };
      client.sendBinary(bad);

      assertThat(client.awaitCloseCode()).isEqualTo(4002);
      List<Integer> codes = gateway.recorder().serverCloseCodes();
      assertThat(codes).containsExactly(4002);
    }
  }
}
