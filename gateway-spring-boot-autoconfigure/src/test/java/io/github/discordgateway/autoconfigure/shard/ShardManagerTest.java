package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.protocol.UpdateVoiceState;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardRouting;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shard layout, discovery and routing of a {@link ShardManager}; start waves are in gateway-core.
 */
class ShardManagerTest {

  @Test
  void takesTheShardCountAndGatewayUrlFromGatewayBot() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway = ShardHarness.fake().shards(3).maxConcurrency(3).start();
        ShardManager manager =
            ShardManager.builder(
                    ShardHarness.settings(gateway, Compression.ZLIB_STREAM),
                    ShardHarness.transport())
                .autoShards()
                .apiUrl(URI.create(gateway.apiBaseUrl()))
                .options(ShardHarness.options())
                .listener(listener)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      assertThat(manager.totalShards()).isEqualTo(3);
      assertThat(manager.maxConcurrency()).isEqualTo(3);
      assertThat(manager.shardIds()).containsExactly(0, 1, 2);
      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
      assertThat(identifiedShards(gateway)).containsExactlyInAnyOrder("[0,3]", "[1,3]", "[2,3]");
    }
  }

  @Test
  void rejectsABadTokenBeforeConnecting() {
    try (FakeDiscordGateway gateway = ShardHarness.fake().start()) {
      ShardManager manager =
          ShardManager.builder(
                  GatewaySettings.builder("wrong-token-value").intents(1).build(),
                  ShardHarness.transport())
              .autoShards()
              .apiUrl(URI.create(gateway.apiBaseUrl()))
              .build();
      try (manager) {
        assertThatThrownBy(manager::start)
            .isInstanceOfSatisfying(
                GatewayException.class,
                e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION_FAILED))
            .hasMessageContaining("rejected the bot token")
            .hasMessageNotContaining("wrong-token-value");
      }
      assertThat(gateway.recorder().connectionCount()).isZero();
    }
  }

  @Test
  void reportsAnUnreachableRestEndpointClearly() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI api = URI.create("http://127.0.0.1:" + closedPort + "/api/v10");
    try (ShardManager manager =
        ShardManager.builder(
                GatewaySettings.builder("some-token").intents(1).build(), ShardHarness.transport())
            .autoShards()
            .apiUrl(api)
            .restTimeout(Duration.ofSeconds(3))
            .restMaxWait(Duration.ZERO)
            .build()) {
      assertThatThrownBy(manager::prepare)
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.CONNECTION_FAILED))
          .hasMessageContaining("Cannot reach")
          .hasMessageContaining("127.0.0.1:" + closedPort);
    }
  }

  @ParameterizedTest(name = "ids {0} of 4")
  @CsvSource({"'0-1', '[0,4]|[1,4]'", "'0,2', '[0,4]|[2,4]'"})
  void runsOnlyTheConfiguredShardIds(String ids, String expected) throws Exception {
    try (FakeDiscordGateway gateway = ShardHarness.fake().shards(4).maxConcurrency(4).start();
        ShardManager manager =
            ShardHarness.manager(gateway, new RecordingListener())
                .totalShards(4)
                .maxConcurrency(4)
                .shardIds(ids)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      List<String> shards = List.of(expected.split("\\|"));
      assertThat(manager.shards()).hasSize(2);
      assertThat(identifiedShards(gateway)).containsExactlyInAnyOrderElementsOf(shards);
      assertThat(gateway.recorder().connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void rejectsShardIdsNotBelowTheTotal() {
    try (ShardManager manager =
        ShardManager.builder(
                GatewaySettings.builder("some-token").intents(1).build(), ShardHarness.transport())
            .gatewayUrl("ws://127.0.0.1:9")
            .totalShards(4)
            .shardIds("2-4")
            .build()) {
      assertThatThrownBy(manager::start)
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.INVALID_SHARD))
          .hasMessageContaining("4");
      assertThat(manager.shards()).isEmpty();
    }
  }

  @Test
  void routesCommandsToTheShardOfTheGuild() throws Exception {
    long guildOfShard1 = 1L << 22;
    long guildOfShard0 = 2L << 22;
    assertThat(ShardRouting.shardFor(guildOfShard1, 2)).isEqualTo(1);
    assertThat(ShardRouting.shardFor(guildOfShard0, 2)).isZero();
    try (FakeDiscordGateway gateway = ShardHarness.fake().shards(2).maxConcurrency(2).start();
        ShardManager manager =
            ShardHarness.manager(gateway, new RecordingListener())
                .totalShards(2)
                .maxConcurrency(2)
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      manager.send(guildOfShard1, UpdateVoiceState.leave(guildOfShard1)).get(5, TimeUnit.SECONDS);
      manager.send(guildOfShard0, UpdateVoiceState.leave(guildOfShard0)).get(5, TimeUnit.SECONDS);
      // two connections: the fake may see the two commands in either order
      Map<Integer, String> guildByShard = new TreeMap<>();
      for (int i = 0; i < 2; i++) {
        ClientPayload sent = gateway.takeCommand(Opcode.VOICE_STATE_UPDATE, TIMEOUT);
        guildByShard.put(sent.shard(), sent.data().get("guild_id").asString());
      }
      assertThat(guildByShard)
          .containsExactly(
              Map.entry(0, Long.toString(guildOfShard0)),
              Map.entry(1, Long.toString(guildOfShard1)));

      manager.broadcast(UpdatePresence.of("idle")).get(5, TimeUnit.SECONDS);
      await()
          .atMost(TIMEOUT)
          .until(() -> gateway.recorder().payloads(Opcode.PRESENCE_UPDATE).size() == 2);
      assertThat(gateway.recorder().payloads(Opcode.PRESENCE_UPDATE))
          .extracting(ClientPayload::shard)
          .containsExactlyInAnyOrder(0, 1);
    }
  }

  @Test
  void refusesToRouteAGuildWhoseShardRunsElsewhere() throws Exception {
    long guildOfShard1 = 1L << 22;
    try (FakeDiscordGateway gateway = ShardHarness.fake().shards(2).start();
        ShardManager manager =
            ShardHarness.manager(gateway, new RecordingListener())
                .totalShards(2)
                .shardIds("0")
                .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Shard shard0 = manager.shard(0).orElseThrow();

      assertThatThrownBy(() -> manager.send(guildOfShard1, UpdateVoiceState.leave(guildOfShard1)))
          .isInstanceOfSatisfying(
              GatewayException.class,
              e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.INVALID_COMMAND))
          .hasMessageContaining("shard 1/2")
          .hasMessageContaining("runs 0");
      // a command that does go out afterwards is the next thing the fake sees
      manager.send(0L, UpdateVoiceState.leave(0L)).get(5, TimeUnit.SECONDS);
      ClientPayload next = gateway.takeCommand(Opcode.VOICE_STATE_UPDATE, TIMEOUT);
      assertThat(next.data().get("guild_id").asString()).isEqualTo("0");
      assertThat(gateway.recorder().payloads(Opcode.VOICE_STATE_UPDATE)).hasSize(1);
      assertThat(shard0.status()).isEqualTo(ShardStatus.CONNECTED);
    }
  }

  private static List<String> identifiedShards(FakeDiscordGateway gateway) {
    List<String> shards = new ArrayList<>();
    for (ClientPayload identify : gateway.recorder().payloads(Opcode.IDENTIFY)) {
      shards.add(identify.data().get("shard").toString());
    }
    shards.sort(Comparator.naturalOrder());
    return shards;
  }
}
