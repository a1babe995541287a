package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Identify pacing when the machine is loaded: the Identify of some shards reaches the server late
 * (held back here for a fixed time, as a busy I/O thread or a full CPU would), while the next shard
 * of the same bucket gets its permit on time. Discord counts the window from what it receives, so
 * pacing from the permit alone lets the next Identify arrive inside the window; pacing from
 * Discord's answer does not.
 */
class IdentifyPacingUnderLoadTest {

  private static final Duration WINDOW = Duration.ofSeconds(1);
  private static final Duration LATE = Duration.ofMillis(400);
  private static final Pattern SHARD = Pattern.compile("\"shard\":\\[(\\d+),");

  @Test
  void fiftyShardsWithMaxConcurrencySixteenIdentifyWithoutAWindowViolationUnderLoad()
      throws Exception {
    ScheduledExecutorService late =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "late-identify");
              t.setDaemon(true);
              return t;
            });
    AtomicBoolean busy = new AtomicBoolean(true);
    List<Thread> burners = new ArrayList<>();
    // the fake enforces exactly the client's window: no slack for the delivery of an Identify
    try (FakeDiscordGateway gateway =
        ShardHarness.fake().shards(50).maxConcurrency(16).identifyWindow(WINDOW).start()) {
      for (int i = 0; i < 2; i++) {
        Thread burner =
            new Thread(
                () -> {
                  long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                  long x = 0;
                  while (busy.get() && System.nanoTime() < end) {
                    x += Long.numberOfTrailingZeros(x + System.nanoTime());
                  }
                },
                "cpu-load-" + i);
        burner.setDaemon(true);
        burner.start();
        burners.add(burner);
      }
      GatewayTransport transport = new LateIdentifyTransport(ShardHarness.transport(), late);
      try (ShardManager shards =
          ShardManager.builder(ShardHarness.settings(gateway, Compression.ZLIB_STREAM), transport)
              .gatewayUrl(gateway.gatewayUrl())
              .totalShards(50)
              .maxConcurrency(16)
              .options(ShardHarness.options())
              .identifyLimiter(ShardHarness.limiter(WINDOW))
              .build()) {
        shards.start().get(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        assertThat(shards.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
      }
      // every Identify the fake received, against the 50 it accepted: the rest came inside the
      // window of their bucket and got op 9
      int received = gateway.recorder().payloads(Opcode.IDENTIFY).size();
      int accepted = 0;
      for (int shard = 0; shard < 50; shard++) {
        accepted += gateway.recorder().identifyCount(shard);
      }
      assertThat(accepted).isEqualTo(50);
      assertThat(received - accepted).as("identifies inside the window (op 9)").isZero();
    } finally {
      busy.set(false);
      for (Thread burner : burners) {
        burner.join(5_000);
      }
      late.shutdownNow();
    }
  }

  /** Holds back the Identify of shards 0-15 and 32-47 (the 1st and 3rd wave) for {@link #LATE}. */
  private record LateIdentifyTransport(GatewayTransport delegate, ScheduledExecutorService late)
      implements GatewayTransport {

    @Override
    public CompletableFuture<GatewayConnection> connect(
        URI uri, ConnectionHandler handler, Duration connectTimeout) {
      return delegate.connect(uri, handler, connectTimeout).thenApply(LateIdentify::new);
    }

    private final class LateIdentify implements GatewayConnection {
      private final GatewayConnection connection;

      LateIdentify(GatewayConnection connection) {
        this.connection = connection;
      }

      @Override
      public void sendText(String payload) {
        Matcher shard = SHARD.matcher(payload);
        if (payload.contains("\"op\":2")
            && shard.find()
            && (Integer.parseInt(shard.group(1)) / 16) % 2 == 0) {
          late.schedule(() -> connection.sendText(payload), LATE.toMillis(), TimeUnit.MILLISECONDS);
        } else {
          connection.sendText(payload);
        }
      }

      @Override
      public void close(int code, String reason) {
        connection.close(code, reason);
      }

      @Override
      public void abort() {
        connection.abort();
      }

      @Override
      public void pauseReading() {
        connection.pauseReading();
      }

      @Override
      public void resumeReading() {
        connection.resumeReading();
      }

      @Override
      public boolean isOpen() {
        return connection.isOpen();
      }
    }
  }
}
