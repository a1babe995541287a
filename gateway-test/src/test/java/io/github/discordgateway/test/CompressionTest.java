package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CompressionTest {

  private FakeDiscordGateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient zlibClient() {
    return compressedClient("zlib-stream");
  }

  private TestClient compressedClient(String compress) {
    TestClient client =
        TestClient.connect(gateway.gatewayUrl() + "/?v=10&encoding=json&compress=" + compress);
    client.expectOp(10);
    client.send(TestClient.identify(gateway.token(), 1 | 512, null));
    client.expectDispatch("READY");
    client.expectDispatch("GUILD_CREATE");
    return client;
  }

  @Test
  void zlibStreamSendsBinaryFramesThroughOneInflateContext() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = zlibClient()) {
      FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
      for (int i = 0; i < 5; i++) {
        gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(i), "hello " + i));
      }
      for (int i = 0; i < 5; i++) {
        JsonNode message = client.expectDispatch("MESSAGE_CREATE");
        assertThat(message.get("d").get("content").asString()).isEqualTo("hello " + i);
      }

      assertThat(client.textFrames.get()).isZero();
      assertThat(client.binaryFrames.get()).isEqualTo(8);
      assertThat(client.error).isNotDone();
      assertThat(gateway.recorder().connections().get(0).zlibStream()).isTrue();
    }
  }

  @Test
  void zlibStreamCanSplitOnePayloadAcrossSeveralFrames() {
    gateway = FakeDiscordGateway.builder().compressedFrameSize(16).start();
    try (TestClient client = zlibClient()) {
      assertThat(client.binaryFrames.get()).isGreaterThan(3 * 3);

      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"username\":\"" + "y".repeat(500) + "\"}");

      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("username").asString())
          .hasSize(500);
      assertThat(client.error).isNotDone();
    }
  }

  @Test
  void zstdStreamSendsOneBinaryFramePerPayloadThroughOneStream() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = compressedClient("zstd-stream")) {
      FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
      for (int i = 0; i < 5; i++) {
        gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(i), "hello " + i));
      }
      for (int i = 0; i < 5; i++) {
        JsonNode message = client.expectDispatch("MESSAGE_CREATE");
        assertThat(message.get("d").get("content").asString()).isEqualTo("hello " + i);
      }
      client.heartbeat(7L);
      client.expectOp(11);

      assertThat(client.textFrames.get()).isZero();
      assertThat(client.binaryFrames.get()).isEqualTo(9);
      assertThat(client.error).isNotDone();
      FakeConnection connection = gateway.recorder().connections().get(0);
      assertThat(connection.zstdStream()).isTrue();
      assertThat(connection.zlibStream()).isFalse();
    }
  }

  @Test
  void zstdStreamCompressesRepeatedContentAcrossPayloads() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = compressedClient("zstd-stream")) {
      String data = "{\"id\":\"1\",\"bio\":\"" + "the same long text ".repeat(20) + "\"}";
      gateway.dispatch(0, "USER_UPDATE", data);
      client.expectDispatch("USER_UPDATE");
      int before = client.binaryFrames.get();
      gateway.dispatch(0, "USER_UPDATE", data);

      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("bio").asString())
          .startsWith("the same long text");
      assertThat(client.binaryFrames.get()).isEqualTo(before + 1);
      assertThat(client.error).isNotDone();
    }
  }

  @Test
  void preEncodedStreamOverZstdKeepsTheStreamValid() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = compressedClient("zstd-stream")) {
      PreparedStream stream = PreparedStream.of(gateway.traffic().events(10));

      StreamResult result = gateway.stream(0, stream, 2);

      assertThat(result.payloads()).isEqualTo(20);
      for (long seq = 3; seq < 23; seq++) {
        assertThat(client.next().get("s").asLong()).isEqualTo(seq);
      }
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\"}");
      assertThat(client.expectDispatch("USER_UPDATE").get("s").asLong()).isEqualTo(23);
      assertThat(client.error).isNotDone();
    }
  }

  @Test
  void anUnknownCompressionClosesWithADecodeError() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client =
        TestClient.connect(gateway.gatewayUrl() + "/?v=10&encoding=json&compress=brotli")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4002);
      assertThat(client.closeReason).contains("brotli");
    }
  }

  @Test
  void withoutCompressionPayloadsAreTextFrames() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.expectDispatch("GUILD_CREATE");

      assertThat(client.binaryFrames.get()).isZero();
      assertThat(client.textFrames.get()).isEqualTo(3);
    }
  }

  @Test
  void preEncodedStreamOverZlibKeepsTheInflateContextValid() {
    gateway = FakeDiscordGateway.builder().compressedFrameSize(64).start();
    try (TestClient client = zlibClient()) {
      PreparedStream stream = PreparedStream.of(gateway.traffic().events(20));

      StreamResult result = gateway.stream(0, stream, 3);

      assertThat(result.payloads()).isEqualTo(60);
      assertThat(result.firstSeq()).isEqualTo(3);
      assertThat(result.lastSeq()).isEqualTo(62);
      long expected = 3;
      for (int i = 0; i < 60; i++) {
        assertThat(client.next().get("s").asLong()).isEqualTo(expected++);
      }
      // Ordinary output after the stream goes through the connection's own deflater again.
      client.heartbeat(62L);
      client.expectOp(11);
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\"}");
      assertThat(client.expectDispatch("USER_UPDATE").get("s").asLong()).isEqualTo(63);
      assertThat(client.error).isNotDone();
    }
  }

  @Test
  void preEncodedStreamOverTextSendsIncreasingSequences() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, 1 | 512)) {
      client.expectDispatch("GUILD_CREATE");
      PreparedStream stream =
          PreparedStream.of(
              List.of(
                  new FakeDispatch("USER_UPDATE", "{\"id\":\"1\"}"),
                  new FakeDispatch("USER_UPDATE", "{\"id\":\"2\"}")));

      StreamResult result = gateway.stream(0, stream, 50);

      assertThat(result.payloads()).isEqualTo(100);
      assertThat(result.frames()).isEqualTo(100);
      for (long seq = 3; seq < 103; seq++) {
        assertThat(client.next().get("s").asLong()).isEqualTo(seq);
      }
      assertThat(gateway.lastSequence(0)).isEqualTo(102);
    }
  }
}
