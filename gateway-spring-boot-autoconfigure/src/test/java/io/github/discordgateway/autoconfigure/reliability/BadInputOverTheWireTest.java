package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardOptions;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeConnection;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.SentDispatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A subset of the bad-input corpus over the real transport: the fake writes broken frames on a live
 * shard's WebSocket. The shard either skips the input and stays on its connection, or closes with a
 * resumable code and resumes; either way every event of the session arrives exactly once, in order.
 */
class BadInputOverTheWireTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int MAX_MESSAGE = 64 * 1024;

  static Stream<Arguments> corpus() {
    return Stream.of(
        resumes("malformed JSON", Compression.NONE, c -> c.sendRaw("{\"op\":0,\"d\":{")),
        resumes("a truncated frame", Compression.NONE, c -> c.sendRaw("{\"op\":0,\"s\":9,\"t\"")),
        resumes("op missing", Compression.NONE, c -> c.sendRaw("{\"d\":null,\"s\":null}")),
        resumes("op as a string", Compression.NONE, c -> c.sendRaw("{\"op\":\"11\"}")),
        resumes(
            "malformed JSON inside the zlib stream",
            Compression.ZLIB_STREAM,
            c -> c.sendRaw("[not json")),
        resumes(
            "a text frame over the configured maximum",
            Compression.NONE,
            c -> c.sendRaw("{\"op\":11,\"d\":\"" + "x".repeat(MAX_MESSAGE * 2) + "\"}")),
        resumes(
            "a zlib payload over the configured maximum",
            Compression.ZLIB_STREAM,
            c ->
                c.sendRaw("{\"op\":11,\"d\":\"" + "x".repeat(ShardOptionsLimit.BYTES * 2) + "\"}")),
        resumes(
            "a close with an unknown code and a 123-byte reason",
            Compression.ZLIB_STREAM,
            c -> c.close(4999, "r".repeat(123))),
        keeps("an unknown opcode", Compression.NONE, c -> c.sendRaw("{\"op\":42,\"d\":{}}")),
        keeps(
            "a dispatch repeating an old sequence",
            Compression.ZLIB_STREAM,
            c -> c.sendRaw("{\"op\":0,\"s\":1,\"t\":\"MESSAGE_CREATE\",\"d\":{}}")),
        keeps(
            "a text frame in a zlib-stream connection",
            Compression.ZLIB_STREAM,
            c -> c.sendTextFrame("{\"op\":11}")),
        keeps(
            "a binary frame without compression",
            Compression.NONE,
            c -> c.sendBinaryFrame("{\"op\":11}".getBytes(StandardCharsets.UTF_8))),
        resumes(
            "a corrupt zlib stream",
            Compression.ZLIB_STREAM,
            c -> c.sendBinaryFrame(new byte[] {1, 2, 3, 4, 5, 0, 0, (byte) 0xFF, (byte) 0xFF})));
  }

  /** The smallest payload limit the shard options allow, used for the zlib case. */
  private static final class ShardOptionsLimit {
    static final int BYTES = 8192;
  }

  private static Arguments resumes(
      String name, Compression compression, Consumer<FakeConnection> inject) {
    return Arguments.of(name, compression, inject, true);
  }

  private static Arguments keeps(
      String name, Compression compression, Consumer<FakeConnection> inject) {
    return Arguments.of(name, compression, inject, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badFrameOnALiveConnectionLosesNothing(
      String name, Compression compression, Consumer<FakeConnection> inject, boolean reconnects)
      throws Exception {
    List<ShardDispatch> received = new CopyOnWriteArrayList<>();
    GatewayEventListener listener =
        event -> {
          if (event instanceof ShardDispatch dispatch) {
            received.add(dispatch);
          }
        };
    FakeGuild guild = Reliability.guildPerShard(1).get(0);
    try (FakeDiscordGateway gateway =
            FakeDiscordGateway.builder()
                // long enough that a CPU stall on a loaded machine cannot make a zombie reconnect:
                // the resume and connection counts below are about the injected input only
                .heartbeatInterval(Duration.ofSeconds(30))
                .guilds(guild)
                .start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder(gateway.token())
                        .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                        .compression(compression)
                        .build(),
                    new SpringWebSocketTransport(
                        Reliability.CLIENT, MAX_MESSAGE, Duration.ofSeconds(5)))
                .gatewayUrl(gateway.gatewayUrl())
                .options(
                    new ShardOptions(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Reliability.FAST_BACKOFF,
                        1024,
                        64,
                        ShardOptionsLimit.BYTES,
                        Duration.ofSeconds(5)))
                .listener(listener)
                .build()) {
      manager.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "before " + i));
      }
      await().atMost(WAIT).until(() -> last(received) == gateway.lastSequence(0));

      inject.accept(gateway.connection(0).orElseThrow());
      if (reconnects) {
        await().atMost(WAIT).until(() -> gateway.recorder().resumeCount(0) == 1);
      }
      for (int i = 0; i < 3; i++) {
        gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "after " + i));
      }
      await()
          .atMost(WAIT)
          .until(
              () ->
                  last(received) == gateway.lastSequence(0)
                      && manager.shard(0).orElseThrow().status() == ShardStatus.CONNECTED);

      // every dispatch of the session, exactly once and in order
      assertThat(received)
          .extracting(ShardDispatch::sequence)
          .containsExactlyElementsOf(
              gateway.sentDispatches(0).stream().map(SentDispatch::seq).toList());
      assertThat(gateway.recorder().identifyCount(0)).isOne();
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
      if (reconnects) {
        assertThat(gateway.recorder().resumeCount(0)).isOne();
        assertThat(gateway.recorder().connectionCount()).isEqualTo(2);
      } else {
        assertThat(gateway.recorder().resumeCount(0)).isZero();
        assertThat(gateway.recorder().connectionCount()).isOne();
        assertThat(gateway.recorder().clientCloseCodes()).isEmpty();
      }
    }
  }

  private static long last(List<ShardDispatch> received) {
    return received.isEmpty() ? 0 : received.get(received.size() - 1).sequence();
  }
}
