package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Start waves of the shard manager, on virtual time. */
class ShardManagerTest {

  private final ShardKit kit = new ShardKit();

  private ShardManager manager(int shards, Duration waveTimeout) {
    return ShardManager.builder(ShardKit.settings(0, 1), kit.transport)
        .totalShards(shards)
        .gatewayUrl("wss://gateway.example")
        .maxConcurrency(1)
        .scheduler(kit.scheduler)
        .clock(kit.scheduler.instantSource())
        .random(() -> new SplittableRandom(3))
        .deliveryExecutor(Runnable::run)
        .sendExecutor(Runnable::run)
        .identifyLimiter(new LocalIdentifyLimiter(kit.scheduler.instantSource(), kit.scheduler))
        .options(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF))
        .waveTimeout(waveTimeout)
        .listener(kit.listener)
        .build();
  }

  private static int shardOf(InMemoryTransport.Link link) {
    return ((ShardConnection) link.handler).shardId();
  }

  @Test
  void aWaveStartsOnceThePreviousWaveSentItsIdentify() {
    ShardManager manager = manager(2, Duration.ofSeconds(60));
    manager.start();
    assertThat(kit.transport.links).hasSize(1);
    InMemoryTransport.Link first = kit.transport.last().open();
    assertThat(shardOf(first)).isZero();
    first.hello(41_250);
    kit.scheduler.runDue();
    assertThat(first.sent(2)).hasSize(1);
    assertThat(kit.transport.links).hasSize(2);
    assertThat(shardOf(kit.transport.last())).isEqualTo(1);
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
    assertThat(kit.transport.links).allMatch(link -> shardOf(link) == 0);
    kit.scheduler.advance(Duration.ofSeconds(1));
    assertThat(kit.transport.links).anyMatch(link -> shardOf(link) == 1);
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
  void countsTheSessionStartsLeftFromDiscordsLimitDownWithEachIdentifyUntilItResets()
      throws IOException {
    HttpServer rest =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body =
        ("{\"url\":\"wss://gateway.example\",\"shards\":1,\"session_start_limit\":"
                + "{\"total\":1000,\"remaining\":3,\"reset_after\":3600000,"
                + "\"max_concurrency\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    rest.createContext(
        "/api/v10/gateway/bot",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    rest.start();
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
    byte[] body =
        ("{\"url\":\"wss://gateway.example\",\"shards\":2,\"session_start_limit\":"
                + "{\"total\":1000,\"remaining\":1000,\"reset_after\":0,"
                + "\"max_concurrency\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    HttpServer rest =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    rest.createContext(
        "/api/v10/gateway/bot",
        exchange -> {
          byte[] answer = status.get() == 200 ? body : "{\"code\":0}".getBytes();
          exchange.sendResponseHeaders(status.get(), answer.length);
          try (var out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    rest.start();
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
      manager.close();
    } finally {
      rest.stop(0);
    }
  }
}
