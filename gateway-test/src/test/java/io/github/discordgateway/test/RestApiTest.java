package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bot " + gateway.token())
            .header("Content-Type", "application/json")
            .header("X-Audit-Log-Reason", "test")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v6", "/api/v7", "/api/v8", "/api/v9", "/api/v10", "/api"})
  void servesTheApiUnderEveryVersionDiscordServes(String prefix) throws Exception {
    HttpResponse<String> gatewayBot = send("GET", prefix + "/gateway/bot", null);
    HttpResponse<String> me = send("GET", prefix + "/users/@me", null);

    assertThat(gatewayBot.statusCode()).isEqualTo(200);
    assertThat(TestClient.JSON.readTree(gatewayBot.body()).get("url").asString())
        .isEqualTo(gateway.gatewayUrl());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(TestClient.JSON.readTree(me.body()).get("id").asString())
        .isEqualTo(FakeGatewayConfig.DEFAULT_BOT.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v5/gateway", "/api/v11/gateway", "/v10/gateway", "/gateway"})
  void pathsOutsideTheServedVersionsGet404(String path) throws Exception {
    assertThat(send("GET", path, null).statusCode()).isEqualTo(404);
  }

  @Test
  void theDefaultTokenIsShapedLikeABotTokenWhoseFirstPartIsTheBotId() {
    String[] parts = gateway.token().split("\\.");

    assertThat(parts).hasSize(3);
    assertThat(new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.US_ASCII))
        .isEqualTo(FakeGatewayConfig.DEFAULT_BOT.id());
    assertThat(parts[1]).hasSize(6);
    assertThat(parts[2]).hasSizeGreaterThanOrEqualTo(27).matches("[A-Za-z0-9_-]+");
    assertThat(gateway.token()).isEqualTo(FakeGatewayConfig.DEFAULT_TOKEN);
  }

  @Test
  void theDefaultTokenFollowsTheConfiguredBotUser() {
    FakeUser bot = new FakeUser("1234567890123456789", "Other Bot", null, true);
    FakeGatewayConfig config = FakeGatewayConfig.builder().botUser(bot).build();

    String firstPart = config.token().substring(0, config.token().indexOf('.'));
    assertThat(new String(Base64.getDecoder().decode(firstPart), StandardCharsets.US_ASCII))
        .isEqualTo(bot.id());
    assertThat(config.token()).isEqualTo(FakeGatewayConfig.botToken(bot.id()));
  }

  @Test
  void aDispatcherAnswersAnyEndpointAndTheTestCanAssertTheRequest() throws Exception {
    gateway.restDispatcher(
        request -> {
          if (request.is("GET", "/applications/@me")) {
            return RestResponse.ok("{\"id\":\"" + FakeGatewayConfig.DEFAULT_BOT.id() + "\"}");
          }
          if (request.is("POST", "/channels/42/messages")) {
            return RestResponse.ok("{\"id\":\"7\",\"content\":\"pong\"}")
                .withHeader("X-RateLimit-Remaining", "4");
          }
          return null;
        });

    HttpResponse<String> app = send("GET", "/api/v10/applications/@me", null);
    HttpResponse<String> posted =
        send("POST", "/api/v9/channels/42/messages", "{\"content\":\"pong\"}");

    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.body()).contains(FakeGatewayConfig.DEFAULT_BOT.id());
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.headers().firstValue("x-ratelimit-remaining")).hasValue("4");
    RestRequest first = gateway.recorder().takeHttpRequest(TIMEOUT).request();
    RestRequest second = gateway.recorder().takeHttpRequest(TIMEOUT).request();
    assertThat(first.route()).isEqualTo("/applications/@me");
    assertThat(first.apiVersion()).isEqualTo(10);
    assertThat(second.method()).isEqualTo("POST");
    assertThat(second.route()).isEqualTo("/channels/42/messages");
    assertThat(second.apiVersion()).isEqualTo(9);
    assertThat(second.body()).isEqualTo("{\"content\":\"pong\"}");
    assertThat(second.authorized()).isTrue();
    assertThat(second.header("x-audit-log-reason")).hasValue("test");
    assertThat(second.headers()).doesNotContainKey("authorization");
  }

  @Test
  void aDispatcherThatReturnsNullLeavesTheBuiltInEndpointsAndOtherwise404() throws Exception {
    gateway.restDispatcher(request -> null);

    assertThat(send("GET", "/api/v10/gateway", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v10/applications/@me", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aDispatcherCanOverrideABuiltInEndpoint() throws Exception {
    gateway.restDispatcher(
        request -> request.is("GET", "/gateway/bot") ? RestResponse.rateLimited(1.5, true) : null);

    HttpResponse<String> response = send("GET", "/api/v10/gateway/bot", null);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).hasValue("2");
    assertThat(TestClient.JSON.readTree(response.body()).get("retry_after").asDouble())
        .isEqualTo(1.5);
  }

  @Test
  void aFailingDispatcherIsAnswered500() throws Exception {
    gateway.restDispatcher(
        request -> {
          throw new IllegalStateException("boom");
        });

    HttpResponse<String> response = send("GET", "/api/v10/users/@me", null);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(gateway.recorder().takeHttpRequest(TIMEOUT).status()).isEqualTo(500);
  }
}
