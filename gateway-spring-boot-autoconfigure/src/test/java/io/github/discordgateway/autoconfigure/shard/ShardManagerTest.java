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
import io.github.discordgateway.test.FakeConnection;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shard layout, bucketed start, discovery and routing of a {@link ShardManager}. */
class ShardManagerTest {

  private static final Logger log = LoggerFactory.getLogger(ShardManagerTest.class);

  /** The client's identify window; the fake enforces a slightly shorter one against jitter. */
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private static final Duration FAKE_WINDOW = Duration.ofMillis(900);

  @Test
  void startsSixteenShardsInFourWavesOnePerBucketPerWindow() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (FakeDiscordGateway gateway =
            ShardHarness.fake().shards(16).maxConcurrency(4).identifyWindow(FAKE_WINDOW).start();
        ShardManager manager =
            ShardHarness.manager(gateway, listener)
                .totalShards(16)
                .maxConcurrency(4)
                .identifyLimiter(ShardHarness.limiter(WINDOW))
                .build()) {
      long begin = System.nanoTime();
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      log.info(
          "16 shards, max_concurrency 4, window {}: all READY after {} ms",
          WINDOW,
          took.toMillis());

      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
      Map<Integer, Instant> identified = identifyTimes(gateway);
      assertThat(identified).hasSize(16);
      for (int shard = 0; shard < 16; shard++) {
        assertThat(gateway.recorder().identifyCount(shard)).as("identifies of %d", shard).isOne();
      }
      // one bucket (shard % 4): identifies at least a window apart, in shard id order
      Duration tolerance = Duration.ofMillis(50);
      for (int bucket = 0; bucket < 4; bucket++) {
        for (int shard = bucket + 4; shard < 16; shard += 4) {
          Duration gap = Duration.between(identified.get(shard - 4), identified.get(shard));
          assertThat(gap).as("gap before shard %d", shard).isGreaterThan(WINDOW.minus(tolerance));
        }
      }
      // wave k = shards 4k..4k+3: nobody of wave k identifies before all of wave k-1 did, nor
      // connects before wave k-1 sent its identifies (the fake sees those a moment later: 50 ms
      // of slack for the loopback hop)
      Map<Integer, Instant> opened = openTimes(gateway);
      for (int wave = 1; wave < 4; wave++) {
        Instant previousWaveDone = Instant.MIN;
        for (int shard = 4 * (wave - 1); shard < 4 * wave; shard++) {
          previousWaveDone = max(previousWaveDone, identified.get(shard));
        }
        for (int shard = 4 * wave; shard < 4 * wave + 4; shard++) {
          assertThat(identified.get(shard))
              .as("identify of shard %d", shard)
              .isAfter(previousWaveDone);
          assertThat(opened.get(shard))
              .as("connect of shard %d", shard)
              .isAfter(previousWaveDone.minus(tolerance));
        }
      }
      assertThat(took).isGreaterThan(WINDOW.multipliedBy(3).minus(tolerance));
    }
  }

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

  private static Map<Integer, Instant> identifyTimes(FakeDiscordGateway gateway) {
    Map<Integer, Instant> times = new TreeMap<>();
    for (ClientPayload identify : gateway.recorder().payloads(Opcode.IDENTIFY)) {
      times.putIfAbsent(identify.data().get("shard").get(0).asInt(), identify.receivedAt());
    }
    return times;
  }

  private static Map<Integer, Instant> openTimes(FakeDiscordGateway gateway) {
    return gateway.recorder().connections().stream()
        .collect(
            Collectors.toMap(
                FakeConnection::shard, FakeConnection::openedAt, (a, b) -> a, TreeMap::new));
  }

  private static List<String> identifiedShards(FakeDiscordGateway gateway) {
    List<String> shards = new ArrayList<>();
    for (ClientPayload identify : gateway.recorder().payloads(Opcode.IDENTIFY)) {
      shards.add(identify.data().get("shard").toString());
    }
    shards.sort(Comparator.naturalOrder());
    return shards;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
