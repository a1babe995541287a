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
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A dispatch the client cannot read (over the size limit) stays in the session's replay, so every
 * resume fails on it again. The shard does not loop forever: after three failures at the same
 * sequence it gives up the session with an error line, identifies anew, and goes on.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadablePayloadTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int LIMIT = 8192;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "ZLIB_STREAM"})
  void replayedPayloadOverTheLimitEndsInANewSessionInsteadOfALoop(
      Compression compression, CapturedOutput output) throws Exception {
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
                .heartbeatInterval(Duration.ofSeconds(1))
                .identifyWindow(Duration.ofMillis(100))
                .guilds(guild)
                .start();
        ShardManager manager =
            ShardManager.builder(
                    GatewaySettings.builder(gateway.token())
                        .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                        .compression(compression)
                        .build(),
                    new SpringWebSocketTransport(Reliability.CLIENT, LIMIT, Duration.ofSeconds(5)))
                .gatewayUrl(gateway.gatewayUrl())
                .identifyLimiter(Reliability.limiter(Duration.ofMillis(350)))
                .options(
                    new ShardOptions(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Reliability.FAST_BACKOFF,
                        1024,
                        64,
                        LIMIT,
                        Duration.ofSeconds(5)))
                .listener(listener)
                .build()) {
      manager.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "readable"));
      long readable = gateway.lastSequence(0);
      await().atMost(WAIT).until(() -> received.stream().anyMatch(d -> d.sequence() == readable));

      // a message too large to read, kept for replay like any other
      gateway.dispatch(
          0, FakeEvents.messageCreate(guild, guild.members().get(0), "x".repeat(LIMIT * 4)));

      await().atMost(WAIT).until(() -> gateway.recorder().identifyCount(0) == 2);
      await()
          .atMost(WAIT)
          .until(() -> manager.shard(0).orElseThrow().status() == ShardStatus.CONNECTED);
      // the first failure and two resumes that failed on the replay, then a new session
      assertThat(gateway.recorder().resumeCount(0)).isEqualTo(2);
      assertThat(received).filteredOn(d -> d.type().equals("READY")).hasSize(2);
      assertThat(output)
          .contains("could not be read 3 times in a row")
          .contains("the events after seq " + readable + " are lost");

      // and the new session works
      gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "afterwards"));
      long last = gateway.lastSequence(0);
      await().atMost(WAIT).until(() -> received.get(received.size() - 1).sequence() == last);
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
    }
  }
}
