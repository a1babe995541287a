package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdentifyTest {

  private static final long GUILDS_AND_MESSAGES = 513;
  private FakeDiscordGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private TestClient connected(FakeGatewayConfig config) {
    gateway = FakeDiscordGateway.start(config);
    TestClient client = TestClient.connect(gateway);
    client.expectOp(10);
    return client;
  }

  private TestClient connected() {
    return connected(FakeGatewayConfig.defaults());
  }

  @Test
  void identifyGetsReadyThenGuildCreateForEachGuild() {
    FakeGuild second = FakeGuild.generated("888741834208317440", "Second", 3);
    try (TestClient client =
        connected(
            FakeGatewayConfig.builder().guilds(FakeGatewayConfig.DEFAULT_GUILD, second).build())) {
      client.send(TestClient.identify(gateway.token(), GUILDS_AND_MESSAGES, "[0,1]"));

      JsonNode ready = client.expectDispatch("READY");
      assertThat(ready.get("s").asLong()).isEqualTo(1);
      JsonNode d = ready.get("d");
      assertThat(d.get("v").asInt()).isEqualTo(10);
      assertThat(d.get("session_id").asString()).isNotBlank();
      assertThat(d.get("resume_gateway_url").asString())
          .isEqualTo("ws://127.0.0.1:" + gateway.port() + "/resume");
      assertThat(d.get("shard").get(0).asInt()).isZero();
      assertThat(d.get("shard").get(1).asInt()).isEqualTo(1);
      assertThat(d.get("user").get("id").asString()).isEqualTo(FakeGatewayConfig.DEFAULT_BOT.id());
      assertThat(d.get("application").get("id").asString()).isNotBlank();
      assertThat(d.get("guilds")).hasSize(2);
      assertThat(d.get("guilds").get(0).get("unavailable").asBoolean()).isTrue();

      JsonNode first = client.expectDispatch("GUILD_CREATE");
      JsonNode next = client.expectDispatch("GUILD_CREATE");
      assertThat(first.get("s").asLong()).isEqualTo(2);
      assertThat(next.get("s").asLong()).isEqualTo(3);
      assertThat(first.get("d").get("id").asString())
          .isEqualTo(FakeGatewayConfig.DEFAULT_GUILD.id());
      assertThat(first.get("d").get("channels")).hasSize(3);
      assertThat(next.get("d").get("name").asString()).isEqualTo("Second");
      assertThat(gateway.recorder().identifyCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().connectionCount(0)).isEqualTo(1);
      assertThat(gateway.sessionId(0)).hasValue(d.get("session_id").asString());
    }
  }

  @Test
  void guildsAreSentOnlyToTheShardThatOwnsThem() {
    FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
    int owner = guild.shardFor(2);
    gateway = FakeDiscordGateway.start(FakeGatewayConfig.builder().maxConcurrency(2).build());
    try (TestClient a = TestClient.connect(gateway);
        TestClient b = TestClient.connect(gateway)) {
      a.expectOp(10);
      b.expectOp(10);
      a.send(TestClient.identify(gateway.token(), 1, "[" + owner + ",2]"));
      b.send(TestClient.identify(gateway.token(), 1, "[" + (1 - owner) + ",2]"));

      assertThat(a.expectDispatch("READY").get("d").get("guilds")).hasSize(1);
      assertThat(a.expectDispatch("GUILD_CREATE").get("d").get("id").asString())
          .isEqualTo(guild.id());
      assertThat(b.expectDispatch("READY").get("d").get("guilds")).isEmpty();
    }
  }

  @Test
  void wrongTokenClosesWith4004() {
    try (TestClient client = connected()) {
      client.send(TestClient.identify("wrong", 1, null));
      assertThat(client.awaitCloseCode()).isEqualTo(4004);
    }
  }

  @Test
  void shardOutOfRangeClosesWith4010() {
    try (TestClient client = connected()) {
      client.send(TestClient.identify(gateway.token(), 1, "[2,2]"));
      assertThat(client.awaitCloseCode()).isEqualTo(4010);
    }
  }

  @Test
  void unknownIntentBitsCloseWith4013() {
    try (TestClient client = connected()) {
      client.send(TestClient.identify(gateway.token(), 1L << 17, null));
      assertThat(client.awaitCloseCode()).isEqualTo(4013);
    }
  }

  @Test
  void privilegedIntentNotAllowedClosesWith4014() {
    try (TestClient client =
        connected(
            FakeGatewayConfig.builder()
                .allowedPrivilegedIntents(EnumSet.of(Intent.GUILD_MEMBERS))
                .build())) {
      client.send(TestClient.identify(gateway.token(), Intent.MESSAGE_CONTENT.value(), null));
      assertThat(client.awaitCloseCode()).isEqualTo(4014);
      assertThat(client.closeReason).contains("MESSAGE_CONTENT");
    }
  }

  @Test
  void allowedPrivilegedIntentIsAccepted() {
    try (TestClient client =
        connected(
            FakeGatewayConfig.builder()
                .allowedPrivilegedIntents(EnumSet.of(Intent.GUILD_MEMBERS))
                .build())) {
      client.send(TestClient.identify(gateway.token(), Intent.GUILD_MEMBERS.value(), null));
      client.expectDispatch("READY");
    }
  }

  @Test
  void secondIdentifyClosesWith4005() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.send(TestClient.identify(gateway.token(), 1, null));
      assertThat(client.awaitCloseCode()).isEqualTo(4005);
    }
  }

  @Test
  void commandBeforeIdentifyClosesWith4003() {
    try (TestClient client = connected()) {
      client.send(
          "{\"op\":3,\"d\":{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}}");
      assertThat(client.awaitCloseCode()).isEqualTo(4003);
    }
  }

  @Test
  void heartbeatBeforeIdentifyIsAllowed() {
    try (TestClient client = connected()) {
      client.heartbeat(null);
      assertThat(client.expectOp(11).get("d").isNull()).isTrue();
    }
  }

  @Test
  void unknownOpcodeClosesWith4001() {
    try (TestClient client = connected()) {
      client.send("{\"op\":5,\"d\":null}");
      assertThat(client.awaitCloseCode()).isEqualTo(4001);
    }
  }

  @Test
  void receiveOnlyOpcodeClosesWith4001() {
    try (TestClient client = connected()) {
      client.send("{\"op\":11}");
      assertThat(client.awaitCloseCode()).isEqualTo(4001);
    }
  }

  @Test
  void invalidJsonClosesWith4002() {
    try (TestClient client = connected()) {
      client.send("{\"op\":1,");
      assertThat(client.awaitCloseCode()).isEqualTo(4002);
    }
  }

  @Test
  void payloadOver4096BytesClosesWith4002() {
    try (TestClient client = connected()) {
      String padding = "x".repeat(4100);
      client.send("{\"op\":1,\"d\":null,\"pad\":\"" + padding + "\"}");
      assertThat(client.awaitCloseCode()).isEqualTo(4002);
      assertThat(client.closeReason).contains("exceeds 4096");
    }
  }

  @Test
  void payloadOfExactly4096BytesIsAccepted() {
    try (TestClient client = connected()) {
      String start = "{\"op\":1,\"d\":null,\"pad\":\"";
      String padding = "x".repeat(4096 - start.length() - 2);
      client.send(start + padding + "\"}");
      client.expectOp(11);
    }
  }

  @Test
  void moreThan120PayloadsInAMinuteCloseWith4008() {
    try (TestClient client = connected()) {
      for (int i = 0; i < 121 && !client.closeCode.isDone(); i++) {
        client.heartbeat(null);
      }
      assertThat(client.awaitCloseCode()).isEqualTo(4008);
      assertThat(gateway.recorder().payloads()).hasSize(121);
    }
  }

  @Test
  void sendRateWindowFollowsTheInjectedClock() {
    ManualScheduler clock = new ManualScheduler();
    try (TestClient client =
        connected(
            FakeGatewayConfig.builder()
                .rateLimit(3, Duration.ofSeconds(60))
                .clock(clock.instantSource())
                .build())) {
      for (int i = 0; i < 3; i++) {
        client.heartbeat(null);
        client.expectOp(11);
      }
      clock.advance(Duration.ofSeconds(61));
      for (int i = 0; i < 3; i++) {
        client.heartbeat(null);
        client.expectOp(11);
      }
      client.heartbeat(null);
      assertThat(client.awaitCloseCode()).isEqualTo(4008);
    }
  }

  @Test
  void secondIdentifyInTheSameBucketWithinFiveSecondsGetsInvalidSession() {
    gateway = FakeDiscordGateway.builder().maxConcurrency(1).start();
    try (TestClient a = TestClient.connect(gateway);
        TestClient b = TestClient.connect(gateway)) {
      a.expectOp(10);
      b.expectOp(10);
      a.send(TestClient.identify(gateway.token(), 1, "[0,2]"));
      a.expectDispatch("READY");

      b.send(TestClient.identify(gateway.token(), 1, "[1,2]"));

      assertThat(b.expectOp(9).get("d").asBoolean()).isFalse();
      assertThat(gateway.recorder().identifyCount(1)).isZero();
    }
  }

  @Test
  void identifiesInDifferentBucketsMayRunTogether() {
    gateway = FakeDiscordGateway.builder().maxConcurrency(2).start();
    try (TestClient a = TestClient.connect(gateway);
        TestClient b = TestClient.connect(gateway)) {
      a.expectOp(10);
      b.expectOp(10);
      a.send(TestClient.identify(gateway.token(), 1, "[0,2]"));
      b.send(TestClient.identify(gateway.token(), 1, "[1,2]"));

      a.expectDispatch("READY");
      b.expectDispatch("READY");
    }
  }

  @Test
  void bucketWindowFollowsTheInjectedClock() {
    ManualScheduler clock = new ManualScheduler();
    gateway = FakeDiscordGateway.builder().clock(clock.instantSource()).start();
    try (TestClient a = TestClient.identified(gateway, 1);
        TestClient b = TestClient.connect(gateway)) {
      b.expectOp(10);
      clock.advance(Duration.ofSeconds(5));

      b.send(TestClient.identify(gateway.token(), 1, null));

      b.expectDispatch("READY");
    }
  }

  @Test
  void identifyDecrementsRemainingAndIsRefusedAtZero() throws Exception {
    gateway =
        FakeDiscordGateway.builder()
            .sessionStartLimit(1000, 1)
            .identifyWindow(Duration.ofMillis(1))
            .start();
    try (TestClient a = TestClient.identified(gateway, 1);
        TestClient b = TestClient.connect(gateway)) {
      b.expectOp(10);
      assertThat(remaining()).isZero();

      b.send(TestClient.identify(gateway.token(), 1, null));

      assertThat(b.expectOp(9).get("d").asBoolean()).isFalse();
    }
  }

  private int remaining() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway.apiBaseUrl() + "/gateway/bot"))
                    .header("Authorization", "Bot " + gateway.token())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return TestClient.JSON
        .readTree(response.body())
        .get("session_start_limit")
        .get("remaining")
        .asInt();
  }

  @Test
  void recorderChecksTheIdentifyIntents() {
    gateway = FakeDiscordGateway.start();
    try (TestClient client = TestClient.identified(gateway, GUILDS_AND_MESSAGES)) {
      gateway.recorder().assertIdentifiedWith(0, Set.of(Intent.GUILDS, Intent.GUILD_MESSAGES));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> gateway.recorder().assertIdentifiedWith(0, Set.of(Intent.GUILDS)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("513");
    }
  }
}
