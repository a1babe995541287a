package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fatal closes that the fake gateway's own checks send over the wire (a rejected token, privileged
 * intents not allowed): the shard stops without retry. Re-identifying after op 9 / 4007 / 4009 and
 * the whole fatal-code table are in gateway-core ({@code ShardReidentifyAndFatalCodesTest}).
 */
class ShardReidentifyAndFatalTest {

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
