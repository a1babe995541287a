package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.discordgateway.core.protocol.Opcode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The parts of the kit's API that users' tests script and inspect. */
class KitApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakeDiscordGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private TestClient resumeClient(String sessionId, long seq) {
    TestClient client = TestClient.connect(gateway.resumeGatewayUrl() + "?v=10&encoding=json");
    client.expectOp(10);
    client.send(TestClient.resume(gateway.token(), sessionId, seq));
    return client;
  }

  /** Two heartbeats: once the second is recorded, the answer to the first has been queued. */
  private static void heartbeatTwice(TestClient client, FakeDiscordGateway gateway, long seq) {
    client.heartbeat(seq);
    client.heartbeat(seq);
    gateway.takeHeartbeat(TIMEOUT);
    gateway.takeHeartbeat(TIMEOUT);
  }

  @Test
  void silenceLetsQueuedOutputOutThenSendsNothingWhileTheNextConnectionIsServed() {
    gateway = FakeDiscordGateway.start();
    String sessionId;
    try (TestClient client = TestClient.identified(gateway, 1 | 512)) {
      client.expectDispatch("GUILD_CREATE");
      sessionId = gateway.sessionId(0).orElseThrow();
      FakeConnection connection = gateway.connection(0).orElseThrow();
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":1}");
      connection.silence();
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":2}");
      heartbeatTwice(client, gateway, 4);
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":3}");

      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("n").asInt()).isEqualTo(1);
      assertThat(connection.isSilenced()).isTrue();
      assertThat(connection.isOpen()).isTrue();
      assertThat(gateway.recorder().serverPayloads(Opcode.HEARTBEAT_ACK)).isEmpty();
      assertThat(gateway.lastSequence(0)).isEqualTo(5);
    }

    try (TestClient next = resumeClient(sessionId, 3)) {
      assertThat(next.expectDispatch("USER_UPDATE").get("d").get("n").asInt()).isEqualTo(2);
      assertThat(next.expectDispatch("USER_UPDATE").get("d").get("n").asInt()).isEqualTo(3);
      next.expectDispatch("RESUMED");
      next.heartbeat(6L);
      next.expectOp(11);
    }
  }

  @Test
  void zombieModeOfOneConnectionKeepsDispatchingAndTheNextConnectionIsAcknowledged() {
    gateway = FakeDiscordGateway.start();
    String sessionId;
    try (TestClient client = TestClient.identified(gateway, 1 | 512)) {
      client.expectDispatch("GUILD_CREATE");
      sessionId = gateway.sessionId(0).orElseThrow();
      client.heartbeat(2L);
      client.expectOp(11);
      FakeConnection connection = gateway.connection(0).orElseThrow();
      connection.stopAckingHeartbeats();

      heartbeatTwice(client, gateway, 2);
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\"}");

      assertThat(client.expectDispatch("USER_UPDATE").get("s").asLong()).isEqualTo(3);
      assertThat(gateway.recorder().serverPayloads(Opcode.HEARTBEAT_ACK)).hasSize(1);
      assertThat(connection.acksHeartbeats()).isFalse();
    }

    try (TestClient next = resumeClient(sessionId, 3)) {
      next.expectDispatch("RESUMED");
      next.heartbeat(4L);
      next.expectOp(11);
      assertThat(gateway.recorder().serverPayloads(Opcode.HEARTBEAT_ACK)).hasSize(2);
    }
  }

  @Test
  void dispatchReturnsOnceWrittenAndDoesNotWaitOutAPause() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, 1 | 512)) {
      client.expectDispatch("GUILD_CREATE");
      assertThat(gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\"}")).isEqualTo(1);
      assertThat(client.expectDispatch("USER_UPDATE").get("s").asLong()).isEqualTo(3);

      gateway.pauseOutput(Duration.ofHours(1));
      int delivered =
          assertTimeoutPreemptively(
              TIMEOUT, () -> gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"2\"}"));
      gateway.resumeOutput();

      assertThat(delivered).isEqualTo(1);
      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("id").asString()).isEqualTo("2");
    }
  }

  @Test
  void theRecorderKeepsTheNonDispatchPayloadsTheKitSends() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.expectDispatch("GUILD_CREATE");
      client.heartbeat(1L);
      client.expectOp(11);
      gateway.sendReconnect(0);
      client.expectOp(7);
      gateway.sendInvalidSession(0, true);
      client.expectOp(9);
      gateway.requestHeartbeat(0);
      client.expectOp(1);

      List<ServerPayload> sent = gateway.recorder().serverPayloads();
      assertThat(sent).extracting(ServerPayload::op).containsExactly(10, 11, 7, 9, 1);
      assertThat(sent.get(0).shard()).isEqualTo(-1);
      assertThat(sent.subList(1, 5)).allSatisfy(p -> assertThat(p.shard()).isZero());
      assertThat(sent.get(3).json()).isEqualTo("{\"t\":null,\"s\":null,\"op\":9,\"d\":true}");
      assertThat(gateway.recorder().takeServerPayload(TIMEOUT).op()).isEqualTo(10);
      assertThat(gateway.recorder().serverPayloads(Opcode.RECONNECT)).hasSize(1);
    }
  }

  @Test
  void aCloseFrameWithoutAStatusCodeIsRecordedAs1005() throws IOException {
    gateway = FakeDiscordGateway.start();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /?v=10&encoding=json HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\n"
                  + "Upgrade: websocket\r\n"
                  + "Connection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      readUntilHeadersEnd(socket.getInputStream());
      // A masked close frame with an empty payload: FIN + close opcode, mask bit + length 0.
      out.write(new byte[] {(byte) 0x88, (byte) 0x80, 1, 2, 3, 4});
      out.flush();

      await().atMost(TIMEOUT).until(() -> !gateway.recorder().clientCloseCodes().isEmpty());
      assertThat(gateway.recorder().clientCloseCodes()).containsExactly(1005);
      assertThat(gateway.recorder().connections().get(0).clientCloseCode()).isEqualTo(1005);
    }
  }

  private static void readUntilHeadersEnd(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int i = 0; i < 16_384 && matched < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake");
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Test
  void aFixedPortIsUsed() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    gateway = FakeDiscordGateway.builder().port(port).start();

    assertThat(gateway.port()).isEqualTo(port);
    assertThat(gateway.gatewayUrl()).isEqualTo("ws://127.0.0.1:" + port);
    try (TestClient client = TestClient.identified(gateway, 1)) {
      assertThat(gateway.sessionId(0)).isPresent();
    }
  }

  @Test
  void advertisedUrlsAreWhatDiscoveryAndReadyTellClients() {
    gateway =
        FakeDiscordGateway.builder()
            .advertisedGatewayUrl("wss://127.0.0.1:9443/gateway")
            .advertisedResumeUrl("wss://127.0.0.1:9443/gateway-resume")
            .advertisedApiUrl("https://127.0.0.1:9443/api/v10")
            .start();

    assertThat(gateway.gatewayUrl()).isEqualTo("wss://127.0.0.1:9443/gateway");
    assertThat(gateway.resumeGatewayUrl()).isEqualTo("wss://127.0.0.1:9443/gateway-resume");
    assertThat(gateway.apiBaseUrl()).isEqualTo("https://127.0.0.1:9443/api/v10");
    assertThat(gateway.localGatewayUrl()).isEqualTo("ws://127.0.0.1:" + gateway.port());
    try (TestClient client = TestClient.connect(gateway.localGatewayUrl() + "/?v=10")) {
      client.expectOp(10);
      client.send(TestClient.identify(gateway.token(), 1, null));
      JsonNode ready = client.expectDispatch("READY");
      assertThat(ready.get("d").get("resume_gateway_url").asString())
          .isEqualTo("wss://127.0.0.1:9443/gateway-resume");
    }
  }

  @Test
  void snowflakeHelpersGiveGuildIdsThatRouteToTheAskedShard() {
    for (int count = 1; count <= 16; count++) {
      for (int shard = 0; shard < count; shard++) {
        String id = Snowflakes.routingTo(shard, count);
        assertThat(Snowflakes.shardOf(id, count)).isEqualTo(shard);
        assertThat(Snowflakes.timestamp(id))
            .isBetween(
                java.time.Instant.now().minus(Duration.ofMinutes(1)),
                java.time.Instant.now().plusSeconds(1));
      }
    }
    java.time.Instant at = java.time.Instant.parse("2024-01-02T03:04:05.678Z");
    assertThat(Snowflakes.timestamp(Snowflakes.at(at, 9))).isEqualTo(at);
    assertThat(Snowflakes.shardOf("175928847299117063", 1)).isZero();
  }
}
