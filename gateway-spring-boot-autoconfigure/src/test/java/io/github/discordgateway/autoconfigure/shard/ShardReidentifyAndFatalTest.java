package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeConnection;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** New sessions after op 9 / 4007 / 4009, and no retry at all after a fatal close code. */
class ShardReidentifyAndFatalTest {

  private static final Duration WINDOW = Duration.ofMillis(100);

  @Test
  void identifiesAnewAfterInvalidSession() throws Exception {
    identifiesAnewAfter(gateway -> gateway.sendInvalidSession(0, false));
  }

  @Test
  void identifiesAnewAfterInvalidSeqClose() throws Exception {
    identifiesAnewAfter(gateway -> gateway.closeConnection(0, 4007, "Invalid seq"));
  }

  @Test
  void identifiesAnewAfterSessionTimedOutClose() throws Exception {
    identifiesAnewAfter(gateway -> gateway.closeConnection(0, 4009, "Session timed out"));
  }

  private void identifiesAnewAfter(Consumer<FakeDiscordGateway> invalidate) throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().identifyWindow(WINDOW).start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener)
                .identifyLimiter(ShardHarness.limiter(WINDOW))
                .random(ShardHarness::zeroRandom)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      message(gateway, 0, "first session");
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 1);
      String firstSession = gateway.sessionId(0).orElseThrow();

      invalidate.accept(gateway);

      await().atMost(TIMEOUT).until(() -> listener.count(0, "READY") == 2);
      await()
          .atMost(TIMEOUT)
          .until(() -> manager.shard(0).orElseThrow().status() == ShardStatus.CONNECTED);
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(2);
      assertThat(gateway.recorder().resumeCount(0)).isZero();
      assertThat(gateway.sessionId(0)).isPresent().get().isNotEqualTo(firstSession);
      assertThat(manager.shard(0).orElseThrow().state().sessionId())
          .isEqualTo(gateway.sessionId(0).orElseThrow());
      // the second session's sequence starts again at 1, right after its READY
      List<Long> sequences = listener.sequences(0);
      int secondReady = listener.types(0).lastIndexOf("READY");
      assertThat(sequences.get(secondReady)).isEqualTo(1L);
    }
  }

  @ParameterizedTest(name = "close {0} -> {1}")
  @CsvSource({
    "4004, AUTHENTICATION_FAILED",
    "4010, INVALID_SHARD",
    "4011, SHARDING_REQUIRED",
    "4012, INVALID_API_VERSION",
    "4013, INVALID_INTENTS",
    "4014, DISALLOWED_INTENTS"
  })
  void stopsWithoutRetryAfterFatalClose(int code, GatewayException.Kind kind) throws Exception {
    RecordingListener listener = new RecordingListener();
    // a limiter that never grants: the shard waits in IDENTIFYING until the fake closes
    IdentifyLimiter never = (shardId, maxConcurrency) -> new CompletableFuture<>();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener).identifyLimiter(never).build()) {
      CompletableFuture<Void> started = manager.start();
      FakeConnection connection = gateway.takeConnection(TIMEOUT);
      connection.close(code, "Scripted fatal close");

      assertFatal(manager, gateway, listener, started, code, kind);
    }
  }

  @Test
  void stopsWithoutRetryWhenTheTokenIsRejected() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder("not-the-token").intents(Set.of(Intent.GUILDS)).build(),
                    ShardHarness.transport())
                .gatewayUrl(gateway.gatewayUrl())
                .options(ShardHarness.options())
                .listener(listener)
                .build()) {
      CompletableFuture<Void> started = manager.start();
      assertFatal(
          manager, gateway, listener, started, 4004, GatewayException.Kind.AUTHENTICATION_FAILED);
      assertThat(manager.shard(0).orElseThrow().fatalError().getMessage())
          .doesNotContain("not-the-token");
    }
  }

  @Test
  void stopsWithoutRetryWhenPrivilegedIntentsAreNotAllowed() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway =
            ShardHarness.fake().allowedPrivilegedIntents(Set.of()).start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder(gateway.token())
                        .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MEMBERS))
                        .compression(Compression.ZLIB_STREAM)
                        .build(),
                    ShardHarness.transport())
                .gatewayUrl(gateway.gatewayUrl())
                .options(ShardHarness.options())
                .listener(listener)
                .build()) {
      CompletableFuture<Void> started = manager.start();
      assertFatal(
          manager, gateway, listener, started, 4014, GatewayException.Kind.DISALLOWED_INTENTS);
    }
  }

  private static void assertFatal(
      ShardManager manager,
      FakeDiscordGateway gateway,
      RecordingListener listener,
      CompletableFuture<Void> started,
      int code,
      GatewayException.Kind kind) {
    Throwable failure = catchThrowable(() -> started.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause())
        .isInstanceOfSatisfying(
            GatewayException.class,
            error -> {
              assertThat(error.kind()).isEqualTo(kind);
              assertThat(error.fatal()).isTrue();
              assertThat(error.closeCode()).hasValue(code);
            });
    Shard shard = manager.shard(0).orElseThrow();
    assertThat(shard.status()).isEqualTo(ShardStatus.FATAL);
    assertThat(shard.fatalError().kind()).isEqualTo(kind);
    assertThat(shard.state().lastCloseCode()).isEqualTo(code);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(listener.of(ShardFatal.class))
                    .singleElement()
                    .satisfies(fatal -> assertThat(fatal.closeCode()).isEqualTo(code)));
    // no second attempt, even long after the (fast) backoff would have fired
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(2))
        .until(() -> gateway.recorder().connectionCount() == 1);
    assertThat(shard.status()).isEqualTo(ShardStatus.FATAL);
  }
}
