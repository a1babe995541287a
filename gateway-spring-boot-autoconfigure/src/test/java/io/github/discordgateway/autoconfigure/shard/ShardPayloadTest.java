package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeDispatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Compression, payloads split across frames, and messages around the size limit. */
class ShardPayloadTest {

  private static final String BIG_GUILD_ID = "81384788765712384";

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"NONE, SPRING", "ZLIB_STREAM, SPRING", "NONE, JDK", "ZLIB_STREAM, JDK"})
  void receivesEveryDispatchInOrderWithAndWithoutCompression(
      Compression compression, ShardHarness.TransportKind transport) throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener, compression, transport).build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < 50; i++) {
        message(gateway, 0, "message " + i);
      }
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 50);

      assertThat(gateway.recorder().connections().get(0).zlibStream())
          .isEqualTo(compression == Compression.ZLIB_STREAM);
      assertThat(listener.sequences(0))
          .containsExactlyElementsOf(ShardResumeTest.allSequences(gateway));
    }
  }

  @ParameterizedTest
  @EnumSource(ShardHarness.TransportKind.class)
  void assemblesPayloadsSplitAcrossSeveralFrames(ShardHarness.TransportKind transport)
      throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().compressedFrameSize(32).start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener, Compression.ZLIB_STREAM, transport).build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < 20; i++) {
        // random-looking text compresses poorly: each payload needs many 32-byte frames
        message(gateway, 0, Long.toString(i * 0x9E3779B97F4A7C15L, 36).repeat(10) + i);
      }
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 20);

      assertThat(listener.sequences(0))
          .containsExactlyElementsOf(ShardResumeTest.allSequences(gateway));
      assertThat(listener.dispatches(0).get(listener.dispatches(0).size() - 1).data().json())
          .contains("\"content\"");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "ZLIB_STREAM"})
  void receivesAGuildCreateOfMoreThanOneMebibyte(Compression compression) throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardManager.builder(
                    ShardHarness.settings(gateway, compression), ShardHarness.transport(4 << 20))
                .gatewayUrl(gateway.gatewayUrl())
                .options(ShardHarness.options())
                .listener(listener)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      String big = bigGuild(1_500_000);

      gateway.dispatch(0, new FakeDispatch("GUILD_CREATE", big));

      await().atMost(TIMEOUT).until(() -> listener.count(0, "GUILD_CREATE") == 2);
      ShardDispatch received = listener.dispatches(0).get(listener.dispatches(0).size() - 1);
      assertThat(received.data().length()).isGreaterThan(1 << 20);
      assertThat(manager.shard(0).orElseThrow().state().guildCount()).isEqualTo(2);
      assertThat(gateway.recorder().connectionCount()).isOne();
    }
  }

  @Test
  void aMessageOverTheLimitIsAClearErrorAndTheShardReconnectsToResume() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager =
            ShardManager.builder(
                    ShardHarness.settings(gateway, Compression.NONE),
                    ShardHarness.transport(1 << 20))
                .gatewayUrl(gateway.gatewayUrl())
                .options(ShardHarness.options())
                .listener(listener)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      gateway.dispatch(0, new FakeDispatch("GUILD_CREATE", bigGuild(1_500_000)));

      await().atMost(TIMEOUT).until(() -> !listener.of(ShardDisconnected.class).isEmpty());
      ShardDisconnected disconnected = listener.of(ShardDisconnected.class).get(0);
      assertThat(disconnected.code()).isEqualTo(1009);
      assertThat(disconnected.nextStep()).isEqualTo(NextStep.RESUME);
      assertThat(manager.shard(0).orElseThrow().state().lastCloseReason()).contains("too big");
      // the next connection resumes the session (Discord would replay the same message: only a
      // higher limit helps, and the shard keeps trying with backoff instead of dying)
      await().atMost(TIMEOUT).until(() -> gateway.recorder().resumeCount(0) >= 1);
      assertThat(manager.shard(0).orElseThrow().status()).isNotEqualTo(ShardStatus.FATAL);
      assertThat(listener.count(0, "GUILD_CREATE")).isOne();
    }
  }

  /** A GUILD_CREATE-like object of at least {@code size} characters. */
  static String bigGuild(int size) {
    StringBuilder json =
        new StringBuilder(size + 200)
            .append("{\"id\":\"")
            .append(BIG_GUILD_ID)
            .append("\",\"name\":\"Big Guild\",\"unavailable\":false,\"members\":[");
    for (int i = 0; json.length() < size; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"user\":{\"id\":\"")
          .append(100_000_000_000_000_000L + i)
          .append("\",\"username\":\"member-")
          .append(Integer.toHexString(i * 0x9E3779B1))
          .append("\"},\"roles\":[],\"joined_at\":\"2024-01-01T00:00:00.000000+00:00\"}");
    }
    return json.append("]}").toString();
  }
}
