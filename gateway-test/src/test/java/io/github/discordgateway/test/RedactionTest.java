package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void tokenNeverAppearsInToString() {
    FakeGatewayConfig config = FakeGatewayConfig.builder().token("super-secret-token").build();
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start(config);
        TestClient client = TestClient.identified(gateway, 1)) {
      ClientPayload identify =
          gateway.takeCommand(
              io.github.discordgateway.core.protocol.Opcode.IDENTIFY, Duration.ofSeconds(5));

      assertThat(config.toString()).doesNotContain("super-secret-token").contains("<redacted>");
      assertThat(gateway.toString()).doesNotContain("super-secret-token");
      assertThat(identify.toString()).doesNotContain("super-secret-token");
      assertThat(identify.raw()).contains("super-secret-token");
    }
  }

  @Test
  void startsQuicklyAndFreesThePortOnClose() throws Exception {
    long start = System.nanoTime();
    FakeDiscordGateway gateway = FakeDiscordGateway.start();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    int port = gateway.port();

    gateway.close();

    assertThat(gateway.isClosed()).isTrue();
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void recorderFlagsClientsThatSendTooFast() {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start();
        TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      for (int i = 0; i < 4; i++) {
        client.heartbeat(null);
        client.expectOp(11);
      }

      gateway.recorder().assertAtMostPerWindow(4, Duration.ofMinutes(1));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> gateway.recorder().assertAtMostPerWindow(3, Duration.ofMinutes(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("4 payloads");
    }
  }
}
