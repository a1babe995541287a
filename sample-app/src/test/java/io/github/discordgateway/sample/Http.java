package io.github.discordgateway.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for the actuator endpoints of the sample app on {@code 127.0.0.1}. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Http() {}

  /** A response: status code and body parsed as JSON ({@code null} when not JSON). */
  record Response(int status, JsonNode json) {}

  /** GETs {@code http://127.0.0.1:port/path}; throws on connection errors. */
  static Response get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (RuntimeException notJson) {
      json = null;
    }
    return new Response(response.statusCode(), json);
  }
}
