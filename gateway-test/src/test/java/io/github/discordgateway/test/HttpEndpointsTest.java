package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HttpEndpointsTest {

  private static FakeDiscordGateway gateway;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    gateway =
        FakeDiscordGateway.builder()
            .shards(3)
            .maxConcurrency(2)
            .sessionStartLimit(1000, 997)
            .sessionStartResetAfter(Duration.ofMillis(14_400_000))
            .start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.apiBaseUrl() + path))
            .timeout(Duration.ofSeconds(5));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestClient.JSON.readTree(response.body());
  }

  @Test
  void getGatewayReturnsTheLoopbackWebSocketUrlWithoutAuthentication() throws Exception {
    HttpResponse<String> response = get("/gateway", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(json(response).get("url").asString())
        .isEqualTo("ws://127.0.0.1:" + gateway.port())
        .isEqualTo(gateway.gatewayUrl());
  }

  @Test
  void getGatewayBotReturnsShardsAndSessionStartLimit() throws Exception {
    HttpResponse<String> response = get("/gateway/bot", "Bot " + gateway.token());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("url").asString()).isEqualTo(gateway.gatewayUrl());
    assertThat(body.get("shards").asInt()).isEqualTo(3);
    JsonNode limit = body.get("session_start_limit");
    assertThat(limit.get("total").asInt()).isEqualTo(1000);
    assertThat(limit.get("remaining").asInt()).isEqualTo(997);
    assertThat(limit.get("reset_after").asLong()).isEqualTo(14_400_000L);
    assertThat(limit.get("max_concurrency").asInt()).isEqualTo(2);
  }

  @Test
  void getCurrentUserReturnsTheBot() throws Exception {
    HttpResponse<String> response = get("/users/@me", "Bot " + gateway.token());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("id").asString()).isEqualTo(FakeGatewayConfig.DEFAULT_BOT.id());
    assertThat(json(response).get("bot").asBoolean()).isTrue();
  }

  @Test
  void missingOrWrongTokenGets401Json() throws Exception {
    HttpResponse<String> missing = get("/gateway/bot", null);
    HttpResponse<String> wrong = get("/users/@me", "Bot not-the-token");
    HttpResponse<String> noPrefix = get("/gateway/bot", gateway.token());

    for (HttpResponse<String> response : java.util.List.of(missing, wrong, noPrefix)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(json(response).get("message").asString()).isEqualTo("401: Unauthorized");
    }
  }

  @Test
  void unknownPathGets404Json() throws Exception {
    HttpResponse<String> response = get("/channels/123", "Bot " + gateway.token());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asString()).isEqualTo("404: Not Found");
  }

  @Test
  void requestsAreRecordedWithoutTheToken() throws Exception {
    get("/gateway", null);

    RecordedHttpRequest recorded =
        gateway.recorder().httpRequests().stream()
            .filter(r -> r.path().equals("/api/v10/gateway"))
            .findFirst()
            .orElseThrow();
    assertThat(recorded.method()).isEqualTo("GET");
    assertThat(recorded.status()).isEqualTo(200);
    assertThat(recorded.toString()).doesNotContain(gateway.token());
  }
}
