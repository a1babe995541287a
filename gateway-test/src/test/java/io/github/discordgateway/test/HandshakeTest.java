package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  @ParameterizedTest
  @ValueSource(strings = {"3", "5", "11", "ten"})
  void closesWith4012ForAVersionDiscordDoesNotAccept(String version) {
    try (TestClient client =
        TestClient.connect(gateway.gatewayUrl() + "/?v=" + version + "&encoding=json")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4012);
      assertThat(client.closeReason).contains("v=" + version);
      assertThat(client.received).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "7", "8", "9", "10"})
  void acceptsEveryVersionDiscordAccepts(String version) {
    try (TestClient client =
        TestClient.connect(gateway.gatewayUrl() + "/?v=" + version + "&encoding=json")) {
      client.expectOp(10);
      client.send(TestClient.identify(gateway.token(), 1, null));

      assertThat(client.expectDispatch("READY").get("d").get("session_id").asString()).isNotEmpty();
    }
  }

  @Test
  void withoutAVersionDiscordsDefaultIsServed() {
    try (TestClient client = TestClient.connect(gateway.gatewayUrl() + "/?encoding=json")) {
      assertThat(client.expectOp(10).get("d").get("heartbeat_interval").asLong()).isEqualTo(100);
    }
  }

  @Test
  void everyNonDispatchPayloadCarriesAllFourKeysAsDiscordSendsThem() {
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      client.heartbeat(null);
      client.expectOp(11);
      gateway.takeConnection(Duration.ofSeconds(5)).requestHeartbeat();
      client.expectOp(1);

      List<String> nonDispatch =
          client.texts.stream().filter(t -> !t.contains("\"op\":0")).toList();
      assertThat(nonDispatch).hasSize(3);
      assertThat(nonDispatch.get(1)).isEqualTo("{\"t\":null,\"s\":null,\"op\":11,\"d\":null}");
      for (String text : nonDispatch) {
        JsonNode payload = TestClient.JSON.readTree(text);
        assertThat(payload.has("t")).isTrue();
        assertThat(payload.get("t").isNull()).isTrue();
        assertThat(payload.has("s")).isTrue();
        assertThat(payload.get("s").isNull()).isTrue();
        assertThat(payload.has("op")).isTrue();
        assertThat(payload.has("d")).isTrue();
      }
    }
  }

  @Test
  void closesWithAClearReasonForAnUnknownEncoding() {
    try (TestClient client = TestClient.connect(gateway.gatewayUrl() + "/?v=10&encoding=xml")) {
      assertThat(client.awaitCloseCode()).isEqualTo(4002);
      assertThat(client.closeReason).contains("Unsupported encoding: xml");
    }
  }

  @Test
  void unknownWebSocketPathIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TestClient.connect(gateway.gatewayUrl() + "/elsewhere?v=10&encoding=json"))
        .hasStackTraceContaining("404");
  }
}
