package io.github.discordgateway.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.GatewayException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start-up against a REST API that fails for a while: a scripted {@code GET /gateway/bot} over
 * loopback, and a virtual clock whose sleeps only record the wait and move time on.
 */
class GatewayDiscoveryRetryTest {

  private static final String OK =
      "{\"url\":\"wss://gateway.example\",\"shards\":3,"
          + "\"session_start_limit\":{\"total\":1000,\"remaining\":999,"
          + "\"reset_after\":1000,\"max_concurrency\":1}}";

  /** One scripted answer. */
  private record Answer(int status, String body, Map<String, String> headers) {
    static Answer of(int status, String body) {
      return new Answer(status, body, Map.of());
    }
  }

  private final Deque<Answer> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final List<Duration> waits = new ArrayList<>();
  private final InstantSource clock = () -> now.get();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v10/gateway/bot",
        exchange -> {
          requests.incrementAndGet();
          Answer answer;
          synchronized (script) {
            answer = script.size() > 1 ? script.poll() : script.peek();
          }
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private GatewayDiscovery discovery(Duration maxWait) {
    URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10");
    return discovery(api, maxWait);
  }

  private GatewayDiscovery discovery(URI api, Duration maxWait) {
    return new GatewayDiscovery(
        api,
        Duration.ofSeconds(5),
        maxWait,
        clock,
        wait -> {
          waits.add(wait);
          now.updateAndGet(t -> t.plus(wait));
        },
        null);
  }

  @Test
  void retriesServerErrorsWithGrowingBackoffUntilDiscordAnswers() {
    script.add(Answer.of(500, "{\"message\":\"500: Internal Server Error\"}"));
    script.add(Answer.of(502, "<html>Bad Gateway</html>"));
    script.add(Answer.of(503, ""));
    script.add(Answer.of(200, OK));

    GatewayBot bot = discovery(Duration.ofSeconds(60)).gatewayBot("secret-token");

    assertThat(bot.shards()).isEqualTo(3);
    assertThat(requests).hasValue(4);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void waitsTheRetryAfterThatA429NamesIncludingTheGlobalLimit() {
    script.add(
        Answer.of(
            429,
            "{\"message\":\"You are being rate limited.\",\"retry_after\":2.5,"
                + "\"global\":true}"));
    script.add(new Answer(429, "", Map.of("Retry-After", "7")));
    script.add(Answer.of(200, OK));

    GatewayBot bot = discovery(Duration.ofSeconds(60)).gatewayBot("secret-token");

    assertThat(bot.url()).isEqualTo("wss://gateway.example");
    assertThat(waits).containsExactly(Duration.ofMillis(2500), Duration.ofSeconds(7));
  }

  @Test
  void aRateLimitLongerThanTheStartUpWaitFailsAtOnceSayingWhenToRetry() {
    script.add(Answer.of(429, "{\"retry_after\":3600,\"global\":true}"));

    assertThatThrownBy(() -> discovery(Duration.ofSeconds(60)).gatewayBot("secret-token"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
        .hasMessageContaining("HTTP 429, global, retry after 3600 s")
        .hasMessageNotContaining("secret-token");
    assertThat(requests).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void givesUpOnServerErrorsAfterTheBoundedTotalWaitWithAClearMessage() {
    script.add(Answer.of(500, ""));

    assertThatThrownBy(() -> discovery(Duration.ofSeconds(60)).gatewayBot("secret-token"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECTION_FAILED))
        .hasMessageContaining("HTTP 500 from http://127.0.0.1")
        .hasMessageContaining("gave up after 9 attempts")
        .hasMessageContaining("at most 60 s");
    // 1 + 2 + 4 + 8 + 10 + 10 + 10 + 10 = 55 s waited; one more 10 s wait would pass 60 s
    assertThat(waits.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(55);
    assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    assertThat(requests).hasValue(9);
  }

  @Test
  void aRejectedTokenFailsAtOnceWithoutRetrying() {
    script.add(Answer.of(401, "{\"message\":\"401: Unauthorized\",\"code\":0}"));

    assertThatThrownBy(() -> discovery(Duration.ofSeconds(60)).gatewayBot("secret-token"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED))
        .hasMessageNotContaining("secret-token");
    assertThat(requests).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void retriesNetworkErrorsUntilTheWaitIsUsedUp() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI api = URI.create("http://127.0.0.1:" + closedPort + "/api/v10");

    assertThatThrownBy(() -> discovery(api, Duration.ofSeconds(5)).gatewayBot("secret-token"))
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECTION_FAILED))
        .hasMessageContaining("Cannot reach")
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }
}
