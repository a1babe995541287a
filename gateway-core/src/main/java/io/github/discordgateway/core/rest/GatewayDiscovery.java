package io.github.discordgateway.core.rest;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.GatewayException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code GET /gateway/bot} on the Discord REST API (or a fake of it), with the JDK's HTTP
 * client. Errors are typed: a rejected token is {@link Kind#AUTHENTICATION_FAILED}, an unreachable
 * endpoint or a server error is {@link Kind#CONNECTION_FAILED}; messages name the URL, never the
 * token.
 *
 * <pre>{@code
 * GatewayBot bot = new GatewayDiscovery(URI.create("https://discord.com/api/v10"), Duration.ofSeconds(10))
 *     .gatewayBot(token);
 * int shards = bot.shards();
 * }</pre>
 */
public final class GatewayDiscovery {

  /**
   * The {@code User-Agent} Discord asks bots to send, on REST calls and on the WebSocket handshake:
   * {@code DiscordBot (<url>, <version>)}.
   */
  public static final String USER_AGENT = "DiscordBot (https://github.com/discordgateway, 0.1)";

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final URI apiBaseUrl;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * Creates a discovery client.
   *
   * @param apiBaseUrl the REST base URL, for example {@code https://discord.com/api/v10}
   * @param timeout the connect and request timeout
   */
  public GatewayDiscovery(URI apiBaseUrl, Duration timeout) {
    this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Fetches the recommended shard count, the gateway URL and the session start limit.
   *
   * @param token the bot token, without the {@code Bot } prefix
   * @return the answer
   * @throws GatewayException {@link Kind#AUTHENTICATION_FAILED} for a rejected token, {@link
   *     Kind#CONNECTION_FAILED} when the endpoint cannot be reached or fails, {@link
   *     Kind#DECODE_ERROR} for an answer that is not the expected JSON
   */
  public GatewayBot gatewayBot(String token) {
    URI uri = endpoint("gateway/bot");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bot " + Objects.requireNonNull(token, "token"))
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException ex) {
      throw new GatewayException(
          Kind.CONNECTION_FAILED, "Cannot reach " + uri + ": " + ex.getClass().getSimpleName(), ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new GatewayException(Kind.CONNECTION_FAILED, "Interrupted while calling " + uri, ex);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new GatewayException(
          Kind.AUTHENTICATION_FAILED,
          "Discord rejected the bot token (HTTP "
              + status
              + " from "
              + uri
              + "); check discord.gateway.token");
    }
    if (status == 429) {
      throw new GatewayException(
          Kind.RATE_LIMITED, "Rate limited by " + uri + " (HTTP 429); retry later");
    }
    if (status < 200 || status >= 300) {
      throw new GatewayException(
          Kind.CONNECTION_FAILED, "Unexpected HTTP " + status + " from " + uri);
    }
    GatewayBot bot;
    try {
      bot = MAPPER.readValue(response.body(), GatewayBot.class);
    } catch (JacksonException ex) {
      throw new GatewayException(
          Kind.DECODE_ERROR, "Unreadable answer from " + uri + ": " + ex.getOriginalMessage(), ex);
    }
    if (bot == null || bot.url() == null || bot.shards() < 1 || bot.sessionStartLimit() == null) {
      throw new GatewayException(
          Kind.DECODE_ERROR,
          "Incomplete answer from " + uri + " (url, shards, session_start_limit)");
    }
    return bot;
  }

  private URI endpoint(String path) {
    String base = apiBaseUrl.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  @Override
  public String toString() {
    return "GatewayDiscovery[" + apiBaseUrl + "]";
  }
}
