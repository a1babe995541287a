package io.github.discordgateway.core.rest.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.GatewayException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code GET /gateway/bot} on the Discord REST API (or a fake of it), with the JDK's HTTP
 * client. Transient failures are retried within a bounded total wait ({@link #DEFAULT_MAX_WAIT} by
 * default): a network error or a 5xx answer after a capped exponential backoff (1 s, 2 s, 4 s, up
 * to {@link #MAX_BACKOFF}), a 429 after the {@code retry_after} it names (Discord's global limit
 * included). Errors are typed: a rejected token (401, 403) is {@link Kind#AUTHENTICATION_FAILED} at
 * once, an unreachable endpoint or a server error that outlasts the wait is {@link
 * Kind#CONNECTION_FAILED}, a rate limit that outlasts it {@link Kind#RATE_LIMITED}; messages name
 * the URL, the attempts and when to retry, never the token.
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

  /** Total time spent retrying transient failures unless configured otherwise. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

  /** Longest pause between two attempts after a network or server error. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(GatewayDiscovery.class);

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Waits between attempts; tests pass one that only records and moves a clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Sends one request; tests may answer without a network. */
  @FunctionalInterface
  interface Exchange {
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;
  }

  private final URI apiBaseUrl;
  private final Duration timeout;
  private final Duration maxWait;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Exchange exchange;

  /**
   * Creates a discovery client that retries transient failures for up to {@link #DEFAULT_MAX_WAIT}.
   *
   * @param apiBaseUrl the REST base URL, for example {@code https://discord.com/api/v10}
   * @param timeout the connect and request timeout of one attempt
   */
  public GatewayDiscovery(URI apiBaseUrl, Duration timeout) {
    this(apiBaseUrl, timeout, DEFAULT_MAX_WAIT);
  }

  /**
   * Creates a discovery client.
   *
   * @param apiBaseUrl the REST base URL, for example {@code https://discord.com/api/v10}
   * @param timeout the connect and request timeout of one attempt
   * @param maxWait the longest total time spent waiting to retry transient failures ({@link
   *     Duration#ZERO}: one attempt only)
   */
  public GatewayDiscovery(URI apiBaseUrl, Duration timeout, Duration maxWait) {
    this(
        apiBaseUrl,
        timeout,
        maxWait,
        InstantSource.system(),
        d -> Thread.sleep(d.toMillis()),
        null);
  }

  GatewayDiscovery(
      URI apiBaseUrl,
      Duration timeout,
      Duration maxWait,
      InstantSource clock,
      Sleeper sleeper,
      Exchange exchange) {
    this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (exchange != null) {
      this.exchange = exchange;
    } else {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      this.exchange = request -> http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /**
   * Fetches the recommended shard count, the gateway URL and the session start limit, retrying
   * transient failures within the total wait.
   *
   * @param token the bot token, without the {@code Bot } prefix
   * @return the answer
   * @throws GatewayException {@link Kind#AUTHENTICATION_FAILED} for a rejected token, {@link
   *     Kind#CONNECTION_FAILED} when the endpoint cannot be reached or keeps failing, {@link
   *     Kind#RATE_LIMITED} when a rate limit outlasts the wait, {@link Kind#DECODE_ERROR} for an
   *     answer that is not the expected JSON
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
    Instant deadline = clock.instant().plus(maxWait);
    for (int attempt = 1; ; attempt++) {
      Outcome failure = attempt(uri, request);
      if (failure.bot != null) {
        return failure.bot;
      }
      Duration wait = failure.retryAfter != null ? failure.retryAfter : backoff(attempt);
      Instant now = clock.instant();
      if (now.plus(wait).isAfter(deadline)) {
        throw new GatewayException(
            failure.kind,
            failure.message
                + "; gave up after "
                + attempt
                + (attempt == 1 ? " attempt" : " attempts")
                + " (retrying for at most "
                + seconds(maxWait)
                + ", next retry would be in "
                + seconds(wait)
                + ")",
            failure.cause);
      }
      log.warn(
          "{}; retrying in {} (attempt {}; start-up gives up {} after the first attempt)",
          failure.message,
          seconds(wait),
          attempt,
          seconds(maxWait));
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new GatewayException(
            Kind.CONNECTION_FAILED, "Interrupted while waiting to retry " + uri, ex);
      }
    }
  }

  /** One outcome: the answer, or a transient failure to retry; fatal ones are thrown. */
  private record Outcome(
      GatewayBot bot, Kind kind, String message, Duration retryAfter, Throwable cause) {}

  private Outcome attempt(URI uri, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = exchange.send(request);
    } catch (IOException ex) {
      return new Outcome(
          null,
          Kind.CONNECTION_FAILED,
          "Cannot reach " + uri + ": " + ex.getClass().getSimpleName(),
          null,
          ex);
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
      RateLimit limit = rateLimit(response);
      return new Outcome(
          null,
          Kind.RATE_LIMITED,
          "Rate limited by "
              + uri
              + " (HTTP 429"
              + (limit.global ? ", global" : "")
              + ", retry after "
              + seconds(limit.retryAfter)
              + ")",
          limit.retryAfter,
          null);
    }
    if (status >= 500) {
      return new Outcome(
          null, Kind.CONNECTION_FAILED, "HTTP " + status + " from " + uri, null, null);
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
    return new Outcome(bot, null, null, null, null);
  }

  private record RateLimit(Duration retryAfter, boolean global) {}

  /**
   * Reads {@code retry_after} (seconds, fractional) and {@code global} from the body, else the
   * {@code Retry-After} header; without either, waits {@link #FIRST_BACKOFF}.
   */
  private static RateLimit rateLimit(HttpResponse<String> response) {
    Double seconds = null;
    boolean global = false;
    try {
      JsonNode body = MAPPER.readTree(response.body() == null ? "" : response.body());
      if (body != null && body.path("retry_after").isNumber()) {
        seconds = body.path("retry_after").asDouble();
      }
      global = body != null && body.path("global").asBoolean(false);
    } catch (JacksonException ex) {
      // not JSON: fall back to the header
    }
    if (seconds == null) {
      seconds =
          response
              .headers()
              .firstValue("Retry-After")
              .map(
                  value -> {
                    try {
                      return Double.valueOf(value.trim());
                    } catch (NumberFormatException ex) {
                      return null;
                    }
                  })
              .orElse(null);
    }
    global |=
        response
            .headers()
            .firstValue("X-RateLimit-Global")
            .map("true"::equalsIgnoreCase)
            .orElse(false);
    Duration wait =
        seconds == null || !Double.isFinite(seconds) || seconds < 0
            ? FIRST_BACKOFF
            : Duration.ofMillis((long) Math.ceil(Math.min(seconds, 1e9) * 1000));
    return new RateLimit(wait, global);
  }

  private static Duration backoff(int attempt) {
    long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
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
