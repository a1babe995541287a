package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.discordgateway.core.GatewayException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Start waves of the shard manager, on virtual time. */
class ShardManagerTest {

  private final ShardKit kit = new ShardKit();

  private ShardManager manager(int shards, Duration waveTimeout) {
    return kit.manager(shards, 1).waveTimeout(waveTimeout).build();
  }

  @Test
  void aWaveStartsOnceThePreviousWaveSentItsIdentify() {
    ShardManager manager = manager(2, Duration.ofSeconds(60));
    manager.start();
    assertThat(kit.transport.links).hasSize(1);
    InMemoryTransport.Link first = kit.transport.last().open();
    assertThat(ShardKit.shardOf(first)).isZero();
    first.hello(41_250);
    kit.scheduler.runDue();
    assertThat(first.sent(2)).hasSize(1);
    assertThat(kit.transport.links).hasSize(2);
    assertThat(ShardKit.shardOf(kit.transport.last())).isEqualTo(1);
  }

  @Test
  void aShardThatCannotConnectHoldsTheNextWaveOnlyUntilTheWaveTimeout() {
    ShardManager manager = manager(2, Duration.ofSeconds(30));
    manager.start();
    kit.transport.last().fail(new IOException("connection refused"));
    for (int second = 0; second < 29; second++) {
      kit.scheduler.advance(Duration.ofSeconds(1));
      InMemoryTransport.Link last = kit.transport.last();
      if (!last.future.isDone()) {
        last.fail(new IOException("connection refused"));
      }
    }
    assertThat(kit.transport.links).allMatch(link -> ShardKit.shardOf(link) == 0);
    kit.scheduler.advance(Duration.ofSeconds(1));
    assertThat(kit.transport.links).anyMatch(link -> ShardKit.shardOf(link) == 1);
    manager.close();
  }

  @Test
  void changingTheBuilderAfterBuildDoesNotReachTheManager() {
    ShardManagerBuilder builder =
        ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
            .totalShards(2)
            .gatewayUrl("wss://gateway.example")
            .scheduler(kit.scheduler)
            .deliveryExecutor(Runnable::run)
            .sendExecutor(Runnable::run);
    ShardManager manager = builder.build();
    builder.totalShards(8).shardIds("4-7").gatewayUrl("wss://elsewhere.example");
    manager.prepare();
    assertThat(manager.totalShards()).isEqualTo(2);
    assertThat(manager.shardIds()).containsExactly(0, 1);
    manager.start();
    assertThat(kit.transport.last().uri.getHost()).isEqualTo("gateway.example");
    manager.close();
  }

  @Test
  void theBuilderAndTheConfigurationItSnapshotsNeverPrintTheToken() {
    ShardManagerBuilder builder =
        ShardManager.builder(ShardKit.settings(0, 1), kit.transport).totalShards(1);
    assertThat(builder.config().toString()).contains("<redacted>").doesNotContain(ShardKit.TOKEN);
    assertThat(builder.toString()).doesNotContain(ShardKit.TOKEN);
  }

  @Test
  void countsTheSessionStartsLeftFromDiscordsLimitDownWithEachIdentifyUntilItResets()
      throws IOException {
    HttpServer rest =
        gatewayBot(
            () -> 200,
            "{\"url\":\"wss://gateway.example\",\"shards\":1,\"session_start_limit\":"
                + "{\"total\":1000,\"remaining\":3,\"reset_after\":3600000,"
                + "\"max_concurrency\":1}}",
            new AtomicInteger());
    try {
      ShardManager manager =
          ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
              .autoShards()
              .apiUrl(URI.create("http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10"))
              .scheduler(kit.scheduler)
              .clock(kit.scheduler.instantSource())
              .deliveryExecutor(Runnable::run)
              .sendExecutor(Runnable::run)
              .listener(kit.listener)
              .build();
      assertThat(manager.sessionStartsRemaining()).isEmpty();
      manager.prepare();
      assertThat(manager.sessionStartsRemaining()).hasValue(3);

      manager.start();
      kit.transport.last().open().hello(41_250);
      kit.scheduler.runDue();
      assertThat(kit.transport.last().sent(2)).hasSize(1);
      assertThat(manager.sessionStartsRemaining()).hasValue(2);

      kit.scheduler.advance(Duration.ofHours(1));
      assertThat(manager.sessionStartsRemaining()).hasValue(1000);
      manager.close();
    } finally {
      rest.stop(0);
    }
  }

  @Test
  void withAFixedLayoutDiscordIsNotAskedAndTheSessionStartsAreUnknown() {
    ShardManager manager = manager(1, Duration.ofSeconds(60));
    manager.prepare();
    assertThat(manager.sessionStartsRemaining()).isEmpty();
  }

  @Test
  void aPreparationThatFailedIsTriedAgainByTheNextCall() throws IOException {
    AtomicInteger status = new AtomicInteger(401);
    AtomicInteger requests = new AtomicInteger();
    HttpServer rest =
        gatewayBot(
            status::get,
            "{\"url\":\"wss://gateway.example\",\"shards\":2,\"session_start_limit\":"
                + "{\"total\":1000,\"remaining\":1000,\"reset_after\":0,"
                + "\"max_concurrency\":1}}",
            requests);
    try {
      ShardManager manager =
          ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
              .autoShards()
              .apiUrl(URI.create("http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10"))
              .restMaxWait(Duration.ZERO)
              .scheduler(kit.scheduler)
              .deliveryExecutor(Runnable::run)
              .sendExecutor(Runnable::run)
              .build();

      assertThatThrownBy(manager::prepare)
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION_FAILED));
      assertThat(manager.shards()).isEmpty();

      status.set(200);
      manager.prepare();
      assertThat(manager.shardIds()).containsExactly(0, 1);
      manager.prepare(); // idempotent: Discord is not asked again
      assertThat(manager.totalShards()).isEqualTo(2);
      assertThat(requests).hasValue(2);
      manager.close();
    } finally {
      rest.stop(0);
    }
  }

  /**
   * A loopback {@code GET /gateway/bot} answering {@code body} with {@code status}, or an error
   * body for any other status than 200; counts the requests.
   */
  private static HttpServer gatewayBot(IntSupplier status, String body, AtomicInteger requests)
      throws IOException {
    HttpServer rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    rest.createContext(
        "/api/v10/gateway/bot",
        exchange -> {
          requests.incrementAndGet();
          int code = status.getAsInt();
          byte[] answer = (code == 200 ? body : "{\"code\":0}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(code, answer.length);
          try (var out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    rest.start();
    return rest;
  }
}
