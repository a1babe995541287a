package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static io.github.discordgateway.autoconfigure.shard.ShardHarness.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Identify, and resume after a real TCP drop with exact replay, end to end over the wire. The other
 * resumable causes (op 7, zombie, 4000, 4008) are in gateway-core ({@code ShardResumeCausesTest}).
 */
class ShardResumeTest {

  @Test
  void identifiesAndDeliversDispatchesInSequenceOrder() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager = ShardHarness.manager(gateway, listener).build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Shard shard = manager.shard(0).orElseThrow();
      assertThat(shard.status()).isEqualTo(ShardStatus.CONNECTED);
      for (int i = 0; i < 20; i++) {
        message(gateway, 0, "message " + i);
      }
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 20);

      assertThat(listener.types(0).subList(0, 2)).containsExactly("READY", "GUILD_CREATE");
      assertThat(listener.sequences(0)).containsExactlyElementsOf(allSequences(gateway));
      assertThat(listener.threads).allMatch(name -> name.startsWith("discord-gateway-events-"));
      assertThat(shard.state().sessionId()).isEqualTo(gateway.sessionId(0).orElseThrow());
      assertThat(shard.state().guildCount()).isEqualTo(1);
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void resumesAfterDroppedConnection() throws Exception {
    RecordingListener listener = resumesAndReplaysExactlyOnce(gateway -> gateway.dropConnection(0));
    assertThat(listener.of(ShardDisconnected.class).get(0).code()).isEqualTo(1006);
  }

  private RecordingListener resumesAndReplaysExactlyOnce(Consumer<FakeDiscordGateway> disconnect)
      throws Exception {
    return resumesAndReplaysExactlyOnce(disconnect, gateway -> {});
  }

  /**
   * Connects, disconnects with {@code disconnect} while new connections are refused, sends events
   * while the shard is away, then lets it back in: the replay must fill the gap exactly.
   */
  private RecordingListener resumesAndReplaysExactlyOnce(
      Consumer<FakeDiscordGateway> disconnect, Consumer<FakeDiscordGateway> beforeReconnect)
      throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().start();
        ShardManager manager = ShardHarness.manager(gateway, listener).build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        message(gateway, 0, "before " + i);
      }
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 3);

      gateway.refuseConnections(Duration.ofSeconds(30));
      disconnect.accept(gateway);
      await().atMost(TIMEOUT).until(() -> gateway.connection(0).isEmpty());
      for (int i = 0; i < 5; i++) {
        assertThat(message(gateway, 0, "while away " + i)).isEqualTo(1);
      }
      beforeReconnect.accept(gateway);
      gateway.refuseConnections(Duration.ZERO);

      await().atMost(TIMEOUT).until(() -> listener.count(0, "RESUMED") == 1);
      for (int i = 0; i < 3; i++) {
        message(gateway, 0, "after " + i);
      }
      await().atMost(TIMEOUT).until(() -> listener.count(0, "MESSAGE_CREATE") == 11);

      assertThat(listener.sequences(0)).containsExactlyElementsOf(allSequences(gateway));
      assertThat(listener.types(0)).containsOnlyOnce("READY", "RESUMED");
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().resumeCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000, 1001);
      assertThat(manager.shard(0).orElseThrow().status()).isEqualTo(ShardStatus.CONNECTED);
    }
    return listener;
  }

  static List<Long> allSequences(FakeDiscordGateway gateway) {
    return LongStream.rangeClosed(1, gateway.lastSequence(0)).boxed().toList();
  }
}
