package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScriptingTest {

  /** GUILDS, GUILD_MEMBERS, GUILD_PRESENCES, GUILD_MESSAGES, reactions, typing. */
  private static final long ALL_USED = 1 | 2 | 256 | 512 | 1024 | 2048;

  private static final FakeGuild GUILD = FakeGatewayConfig.DEFAULT_GUILD;
  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient client(long intents) {
    TestClient client = TestClient.identified(gateway, intents);
    client.expectDispatch("GUILD_CREATE");
    return client;
  }

  @Test
  void buildersProduceRealisticDispatches() {
    try (TestClient client = client(ALL_USED)) {
      FakeUser user = GUILD.members().get(2);
      String channel = GUILD.textChannels().get(0).id();
      List<FakeDispatch> events =
          List.of(
              FakeEvents.messageCreate(GUILD, user, "hi"),
              FakeEvents.guildMemberAdd(GUILD.id(), FakeUser.of("42", "newcomer")),
              FakeEvents.presenceUpdate(GUILD.id(), user.id(), "idle"),
              FakeEvents.typingStart(GUILD.id(), channel, user),
              FakeEvents.messageReactionAdd(GUILD.id(), channel, "77", user.id(), "x"),
              FakeEvents.interactionCreate(GUILD.id(), channel, user, "ping"),
              FakeEvents.guildMembersChunk(GUILD.id(), GUILD.members(), 0, 1, "n"));
      for (FakeDispatch event : events) {
        assertThat(gateway.dispatch(event)).isEqualTo(1);
      }

      JsonNode message = client.expectDispatch("MESSAGE_CREATE").get("d");
      assertThat(message.get("author").get("id").asString()).isEqualTo(user.id());
      assertThat(message.get("guild_id").asString()).isEqualTo(GUILD.id());
      assertThat(message.get("member").get("joined_at").asString()).endsWith("+00:00");
      assertThat(
              client.expectDispatch("GUILD_MEMBER_ADD").get("d").get("user").get("id").asString())
          .isEqualTo("42");
      assertThat(client.expectDispatch("PRESENCE_UPDATE").get("d").get("status").asString())
          .isEqualTo("idle");
      assertThat(client.expectDispatch("TYPING_START").get("d").get("channel_id").asString())
          .isEqualTo(channel);
      assertThat(
              client
                  .expectDispatch("MESSAGE_REACTION_ADD")
                  .get("d")
                  .get("emoji")
                  .get("name")
                  .asString())
          .isEqualTo("x");
      assertThat(
              client
                  .expectDispatch("INTERACTION_CREATE")
                  .get("d")
                  .get("data")
                  .get("name")
                  .asString())
          .isEqualTo("ping");
      assertThat(client.expectDispatch("GUILD_MEMBERS_CHUNK").get("d").get("members"))
          .hasSize(GUILD.members().size());
      assertThat(gateway.sentDispatches(0)).extracting(SentDispatch::seq).startsWith(1L, 2L, 3L);
    }
  }

  @Test
  void rawDispatchCarriesTheGivenData() {
    try (TestClient client = client(1)) {
      assertThat(gateway.dispatch(0, "SOMETHING_NEW", "{\"a\":[1,2]}")).isEqualTo(1);

      JsonNode payload = client.expectDispatch("SOMETHING_NEW");
      assertThat(payload.get("d").get("a")).hasSize(2);
      assertThat(payload.get("s").asLong()).isEqualTo(3);
    }
  }

  @Test
  void dispatchRejectsInvalidJson() {
    assertThatThrownBy(() -> gateway.dispatch("MESSAGE_CREATE", "{broken"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsNotEnabledByTheIntentsAreNotSent() {
    try (TestClient client = client(1)) {
      assertThat(gateway.dispatch(FakeEvents.messageCreate(GUILD, GUILD.members().get(0), "x")))
          .isZero();
      assertThat(gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\"}")).isEqualTo(1);

      assertThat(client.next().get("t").asString()).isEqualTo("USER_UPDATE");
    }
  }

  @Test
  void sendsReconnectAndInvalidSession() {
    try (TestClient client = client(1)) {
      assertThat(gateway.sendReconnect(0)).isEqualTo(1);
      assertThat(client.expectOp(7).get("d").isNull()).isTrue();

      gateway.sendInvalidSession(0, true);
      assertThat(client.expectOp(9).get("d").asBoolean()).isTrue();
      assertThat(gateway.sessionId(0)).isPresent();

      gateway.sendInvalidSession(0, false);
      assertThat(client.expectOp(9).get("d").asBoolean()).isFalse();
      assertThat(gateway.sessionId(0)).isEmpty();
    }
  }

  @Test
  void closesWithAnyCodeAndReason() {
    try (TestClient client = client(1)) {
      assertThat(gateway.closeConnection(0, 4000, "Unknown error")).isEqualTo(1);

      assertThat(client.awaitCloseCode()).isEqualTo(4000);
      assertThat(client.closeReason).isEqualTo("Unknown error");
      assertThat(gateway.recorder().serverCloseCodes()).containsExactly(4000);
    }
  }

  @Test
  void dropsTheTcpConnectionWithoutACloseFrame() {
    try (TestClient client = client(1)) {
      assertThat(gateway.dropConnection(0)).isEqualTo(1);

      assertThat(client.awaitCloseCode()).isIn(1006, 1005);
      await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connection(0).isEmpty());
      assertThat(gateway.recorder().serverCloseCodes()).isEmpty();
      assertThat(gateway.sessionId(0)).isPresent();
    }
  }

  @Test
  void pausedOutputIsReleasedInOrder() {
    try (TestClient client = client(1)) {
      gateway.pauseOutput(Duration.ofMinutes(1));
      gateway.dispatch(0, "USER_UPDATE", "{\"n\":1}");
      gateway.dispatch(0, "USER_UPDATE", "{\"n\":2}");
      client.heartbeat(2L);
      gateway.takeHeartbeat(Duration.ofSeconds(5));
      assertThat(client.received).isEmpty();

      gateway.resumeOutput();

      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("n").asInt()).isEqualTo(1);
      assertThat(client.expectDispatch("USER_UPDATE").get("d").get("n").asInt()).isEqualTo(2);
      client.expectOp(11);
    }
  }

  @Test
  void timedPauseEndsByItself() {
    try (TestClient client = client(1)) {
      gateway.pauseOutput(Duration.ofMillis(200));
      long start = System.nanoTime();
      gateway.dispatch(0, "USER_UPDATE", "{\"n\":1}");

      client.expectDispatch("USER_UPDATE");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(150));
    }
  }

  @Test
  void refusesNewConnectionsForAWhile() {
    gateway.refuseConnections(Duration.ofMinutes(1));

    assertThatThrownBy(() -> TestClient.connect(gateway)).hasStackTraceContaining("503");
    assertThat(gateway.recorder().refusedConnectionCount()).isEqualTo(1);

    gateway.acceptConnections();
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
    }
  }

  @Test
  void connectionHandleSendsRawText() {
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      FakeConnection conn = gateway.takeConnection(Duration.ofSeconds(5));

      conn.sendRaw("{\"op\":11,\"d\":null,\"extra\":true}");

      assertThat(client.expectOp(11).get("extra").asBoolean()).isTrue();
      assertThat(conn.isOpen()).isTrue();
      assertThat(conn.shard()).isEqualTo(-1);
    }
  }

  @Test
  void trafficGeneratorStreamsRealisticEventsAsFastAsPossible() {
    try (TestClient client = client(ALL_USED)) {
      int delivered = gateway.traffic().send(300);

      assertThat(delivered).isEqualTo(300);
      Set<String> types = new HashSet<>();
      long previous = 2;
      for (int i = 0; i < 300; i++) {
        JsonNode payload = client.next();
        assertThat(payload.get("s").asLong()).isEqualTo(previous + 1);
        previous = payload.get("s").asLong();
        types.add(payload.get("t").asString());
      }
      assertThat(types)
          .containsExactlyInAnyOrder(
              "MESSAGE_CREATE",
              "TYPING_START",
              "PRESENCE_UPDATE",
              "MESSAGE_REACTION_ADD",
              "GUILD_MEMBER_UPDATE");
    }
  }

  @Test
  void trafficGeneratorHonoursTheRate() {
    try (TestClient client = client(ALL_USED)) {
      long start = System.nanoTime();

      gateway.traffic().send(20, 100.0);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(150));
      for (int i = 0; i < 20; i++) {
        client.next();
      }
    }
  }

  @Test
  void backgroundTrafficRunsUntilClosed() {
    try (TestClient client = client(ALL_USED)) {
      try (TrafficGenerator.Running running = gateway.traffic().start(200.0)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> client.received.size() >= 5);
      }
      long last = gateway.lastSequence(0);
      assertThat(last).isGreaterThanOrEqualTo(7);
    }
  }
}
