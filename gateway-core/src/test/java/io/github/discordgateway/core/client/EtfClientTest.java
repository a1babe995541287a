package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.internal.GatewayUris;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Encoding;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A client with {@code encoding=etf}: ETF binary frames in, ETF binary frames out. */
class EtfClientTest {

  /** Records binary and text frames apart. */
  static final class Sink implements FrameSink {
    final List<byte[]> binaries = Collections.synchronizedList(new ArrayList<>());
    final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sendText(String payload) {
      texts.add(payload);
    }

    @Override
    public void sendBinary(byte[] payload) {
      binaries.add(payload);
    }

    @Override
    public void close(int code, String reason) {}

    JsonNode sent(int index) {
      byte[] etf = binaries.get(index);
      return ClientHarness.JSON.readTree(
          new String(Encoding.ETF.toJson(etf, 0, etf.length, 1 << 16), StandardCharsets.UTF_8));
    }
  }

  private static ByteBuffer etf(String json) {
    return ByteBuffer.wrap(Encoding.ETF.encode(json));
  }

  @Test
  void identifiesHeartbeatsAndReadsDispatchesInEtf() {
    ManualScheduler scheduler = new ManualScheduler();
    Sink sink = new Sink();
    ClientHarness.RecordingListener listener = new ClientHarness.RecordingListener();
    GatewayClient client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder(ClientHarness.TOKEN)
                    .intents(513)
                    .encoding(Encoding.ETF)
                    .compression(Compression.NONE)
                    .build())
            .sink(sink)
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(ClientHarness.fixedRandom(0.5))
            .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler), 1)
            .listener(listener)
            .build();

    client.onBinary(etf("{\"op\":10,\"d\":{\"heartbeat_interval\":1000},\"s\":null,\"t\":null}"));
    scheduler.runDue();
    client.onBinary(
        etf(
            "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"v\":10,\"session_id\":\"etf-session\","
                + "\"resume_gateway_url\":\"wss://r.example\",\"guilds\":[],"
                + "\"user\":{\"id\":1085128370007572480,\"username\":\"bot\",\"bot\":true}}}"));
    client.onBinary(
        etf(
            "{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":1229879423213371432,"
                + "\"channel_id\":\"573544236465520641\",\"content\":\"hi\",\"type\":0,"
                + "\"author\":{\"id\":573544240617881601,\"username\":\"maple\"}}}"));
    scheduler.advance(Duration.ofMillis(600));
    client.onBinary(etf("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}"));

    assertThat(sink.texts).isEmpty();
    JsonNode identify = sink.sent(0);
    assertThat(identify.get("op").asInt()).isEqualTo(2);
    assertThat(identify.get("d").get("token").asString()).isEqualTo(ClientHarness.TOKEN);
    assertThat(identify.get("d").get("intents").asLong()).isEqualTo(513);
    assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
    assertThat(listener.readies.get(0).sessionId()).isEqualTo("etf-session");
    Dispatch created =
        listener.dispatches.stream()
            .filter(d -> d.type().equals("MESSAGE_CREATE"))
            .findFirst()
            .orElseThrow();
    Message message = created.data().decode(Message.class);
    assertThat(message.id()).isEqualTo(1229879423213371432L);
    assertThat(message.channelId()).isEqualTo(573544236465520641L);
    assertThat(created.data().json()).contains("\"content\":\"hi\"");
    assertThat(sink.binaries).extracting(b -> b.length).allMatch(n -> n > 1);
    assertThat(sink.sent(sink.binaries.size() - 1).get("op").asInt()).isEqualTo(1);
    assertThat(sink.sent(sink.binaries.size() - 1).get("d").asLong()).isEqualTo(2);
  }

  /** A client of the given payload limit that has identified, and records what it receives. */
  private static ClientHarness.RecordingListener readClientWith(int maxPayloadBytes, String json) {
    ManualScheduler scheduler = new ManualScheduler();
    ClientHarness.RecordingListener listener = new ClientHarness.RecordingListener();
    GatewayClient client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder(ClientHarness.TOKEN)
                    .intents(513)
                    .encoding(Encoding.ETF)
                    .compression(Compression.NONE)
                    .build())
            .sink(new Sink())
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(ClientHarness.fixedRandom(0.5))
            .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler), 1)
            .maxPayloadBytes(maxPayloadBytes)
            .listener(listener)
            .build();
    client.onBinary(etf("{\"op\":10,\"d\":{\"heartbeat_interval\":1000},\"s\":null,\"t\":null}"));
    scheduler.runDue();
    client.onBinary(etf(json));
    scheduler.runDue();
    return listener;
  }

  @Test
  void theJsonOfAnEtfPayloadIsCappedByTheConfiguredPayloadLimitNotAFixedOne() {
    // 3000 control characters: about 3 KB of ETF, but 18 KB of JSON (each one becomes \\u0001)
    String controls = "\\u0001".repeat(3000);
    String dispatch =
        "{\"op\":0,\"s\":1,\"t\":\"FUTURE_EVENT\",\"d\":{\"text\":\"" + controls + "\"}}";
    assertThat(Encoding.ETF.encode(dispatch).length).isLessThan(4096);

    // a 4 KB payload limit allows 16 KB of JSON: the payload is refused, clearly
    ClientHarness.RecordingListener small = readClientWith(4096, dispatch);
    assertThat(small.dispatches).isEmpty();
    assertThat(small.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR);
              assertThat(e.getMessage()).contains("16384");
            });

    // an 8 KB limit allows 32 KB of JSON: the same payload arrives whole
    ClientHarness.RecordingListener larger = readClientWith(8192, dispatch);
    assertThat(larger.errors).isEmpty();
    assertThat(larger.dispatches)
        .singleElement()
        .satisfies(d -> assertThat(d.data().json()).hasSizeGreaterThan(16384));
  }

  @Test
  void theJsonLimitIsFourTimesThePayloadLimitAndNeverOverflows() {
    assertThat(Encoding.maxJsonBytes(4096)).isEqualTo(16384);
    assertThat(Encoding.maxJsonBytes(Compression.DEFAULT_MAX_PAYLOAD_BYTES))
        .isEqualTo(Encoding.DEFAULT_MAX_JSON_BYTES);
    assertThat(Encoding.maxJsonBytes(Integer.MAX_VALUE - 8)).isEqualTo(Integer.MAX_VALUE - 8);
  }

  @Test
  void theConnectUrlAsksForTheEncoding() {
    assertThat(
            GatewayUris.connectUri(
                    "wss://gateway.discord.gg", Compression.ZSTD_STREAM, Encoding.ETF)
                .toString())
        .isEqualTo("wss://gateway.discord.gg/?v=10&encoding=etf&compress=zstd-stream");
    assertThat(GatewayUris.connectUri("wss://gateway.discord.gg", Compression.NONE).toString())
        .isEqualTo("wss://gateway.discord.gg/?v=10&encoding=json");
  }
}
