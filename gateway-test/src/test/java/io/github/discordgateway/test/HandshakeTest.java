package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HandshakeTest {

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(100)).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void sendsHelloWithTheConfiguredHeartbeatInterval() {
    try (TestClient client = TestClient.connect(gateway)) {
      JsonNode hello = client.expectOp(10);

      assertThat(hello.get("d").get("heartbeat_interval").asLong()).isEqualTo(100);
      assertThat(client.textFrames.get()).isEqualTo(1);
    }
  }

  @Test
  void recordsPathAndQueryParametersOfEachConnection() {
    try (TestClient first = TestClient.connect(gateway);
        TestClient second =
            TestClient.connect(gateway.resumeGatewayUrl() + "?v=10&encoding=json")) {
      first.expectOp(10);
      second.expectOp(10);

      java.util.List<FakeConnection> both =
          java.util.List.of(
              gateway.takeConnection(Duration.ofSeconds(5)),
              gateway.takeConnection(Duration.ofSeconds(5)));
      FakeConnection main =
          both.stream().filter(c -> c.path().equals("/")).findFirst().orElseThrow();
      FakeConnection resume =
          both.stream().filter(c -> c.path().equals("/resume")).findFirst().orElseThrow();
      assertThat(main.queryParameters()).isEqualTo(Map.of("v", "10", "encoding", "json"));
      assertThat(resume.queryParameters()).isEqualTo(Map.of("v", "10", "encoding", "json"));
      assertThat(gateway.resumeGatewayUrl()).isEqualTo(gateway.gatewayUrl() + "/resume");
    }
  }

  @Test
  void closesWith4012ForAnotherApiVersion() {
    try (TestClient client = TestClient.connect(gateway.gatewayUrl() + "/?v=9&encoding=json")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4012);
      assertThat(client.closeReason).contains("v=9");
      assertThat(client.received).isEmpty();
    }
  }

  @Test
  void closesWith4012WhenTheVersionIsMissing() {
    try (TestClient client = TestClient.connect(gateway.gatewayUrl() + "/?encoding=json")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4012);
    }
  }

  @Test
  void closesWithAClearReasonForEtfEncoding() {
    try (TestClient client = TestClient.connect(gateway.gatewayUrl() + "/?v=10&encoding=etf")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4002);
      assertThat(client.closeReason).contains("Unsupported encoding: etf");
    }
  }

  @Test
  void unknownWebSocketPathIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TestClient.connect(gateway.gatewayUrl() + "/elsewhere?v=10&encoding=json"))
        .hasStackTraceContaining("404");
  }
}
