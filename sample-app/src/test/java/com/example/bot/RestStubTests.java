package com.example.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import io.github.discordgateway.test.RestRequest;
import io.github.discordgateway.test.RestResponse;
import io.github.discordgateway.test.Snowflakes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestStubTests {

  @Test
  void answersAStubbedEndpointAndRecordsTheRequest() throws Exception {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      gateway.restDispatcher(
          request -> {
            if (request.is("POST", "/channels/573544236465520641/messages")) {
              return RestResponse.ok("{\"id\":\"1\",\"content\":\"pong\"}");
            }
            return null; // the built-in endpoints, else 404
          });

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              gateway.apiBaseUrl() + "/channels/573544236465520641/messages"))
                      .header("Authorization", "Bot " + FakeGatewayConfig.DEFAULT_TOKEN)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"pong\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).contains("pong");
      RestRequest sent = gateway.recorder().takeHttpRequest(Duration.ofSeconds(5)).request();
      assertThat(sent.route()).isEqualTo("/channels/573544236465520641/messages"); // below /api/vN
      assertThat(sent.body()).contains("pong");
      assertThat(sent.authorized()).isTrue(); // Authorization: Bot <the fake's token>
    }
  }

  @Test
  void buildsIdsThatRouteToAShard() {
    String guildId = Snowflakes.routingTo(1, 2); // a guild id that shard 1 of 2 owns
    assertThat(Snowflakes.shardOf(guildId, 2)).isEqualTo(1); // (id >> 22) % 2
  }
}
