package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommandsTest {

  private static final FakeGuild GUILD = FakeGatewayConfig.DEFAULT_GUILD;
  private FakeDiscordGateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient client(FakeGatewayConfig config) {
    gateway = FakeDiscordGateway.start(config);
    TestClient client = TestClient.identified(gateway, 1 | 2 | 256);
    client.expectDispatch("GUILD_CREATE");
    return client;
  }

  @Test
  void allMembersRequestIsAnsweredInChunksWithTheNonce() {
    try (TestClient client = client(FakeGatewayConfig.builder().memberChunkSize(4).build())) {
      client.send(
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + GUILD.id()
              + "\",\"query\":\"\",\"limit\":0,\"presences\":true,\"nonce\":\"req-1\"}}");

      int members = 0;
      for (int index = 0; index < 3; index++) {
        JsonNode d = client.expectDispatch("GUILD_MEMBERS_CHUNK").get("d");
        assertThat(d.get("chunk_index").asInt()).isEqualTo(index);
        assertThat(d.get("chunk_count").asInt()).isEqualTo(3);
        assertThat(d.get("nonce").asString()).isEqualTo("req-1");
        assertThat(d.get("presences")).hasSize(d.get("members").size());
        members += d.get("members").size();
      }
      assertThat(members).isEqualTo(GUILD.members().size() + 1);
      assertThat(
              gateway
                  .takeCommand(Opcode.REQUEST_GUILD_MEMBERS, Duration.ofSeconds(5))
                  .data()
                  .get("nonce")
                  .asString())
          .isEqualTo("req-1");
    }
  }

  @Test
  void userIdsThatMatchNoMemberComeBackInNotFound() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      String known = GUILD.members().get(1).id();
      client.send(
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + GUILD.id()
              + "\",\"user_ids\":[\""
              + known
              + "\",123123]}}");

      JsonNode d = client.expectDispatch("GUILD_MEMBERS_CHUNK").get("d");
      assertThat(d.get("members")).hasSize(1);
      assertThat(d.get("members").get(0).get("user").get("id").asString()).isEqualTo(known);
      assertThat(d.get("not_found").get(0).isNumber()).isTrue();
      assertThat(d.get("not_found").get(0).asLong()).isEqualTo(123123L);
      assertThat(d.has("nonce")).isFalse();
    }
  }

  @Test
  void queryReturnsMembersWhoseNameStartsWithIt() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      client.send(
          "{\"op\":8,\"d\":{\"guild_id\":\"" + GUILD.id() + "\",\"query\":\"tob\",\"limit\":10}}");

      JsonNode d = client.expectDispatch("GUILD_MEMBERS_CHUNK").get("d");
      assertThat(d.get("members")).hasSize(1);
      assertThat(d.get("members").get(0).get("user").get("username").asString())
          .isEqualTo("tobias_k");
    }
  }

  @Test
  void repeatedAllMembersRequestWithinThirtySecondsIsRateLimited() {
    ManualScheduler clock = new ManualScheduler();
    try (TestClient client =
        client(FakeGatewayConfig.builder().clock(clock.instantSource()).build())) {
      String request =
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + GUILD.id()
              + "\",\"query\":\"\",\"limit\":0,"
              + "\"nonce\":\"again\"}}";
      client.send(request);
      client.expectDispatch("GUILD_MEMBERS_CHUNK");
      clock.advance(Duration.ofSeconds(10));

      client.send(request);

      JsonNode d = client.expectDispatch("RATE_LIMITED").get("d");
      assertThat(d.get("opcode").asInt()).isEqualTo(8);
      assertThat(d.get("retry_after").asDouble()).isEqualTo(20.0);
      assertThat(d.get("meta").get("guild_id").asString()).isEqualTo(GUILD.id());
      assertThat(d.get("meta").get("nonce").asString()).isEqualTo("again");

      clock.advance(Duration.ofSeconds(20));
      client.send(request);
      client.expectDispatch("GUILD_MEMBERS_CHUNK");
    }
  }

  @Test
  void requestWithBothQueryAndUserIdsClosesWith4001() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      client.send(
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + GUILD.id()
              + "\",\"query\":\"\",\"limit\":0,\"user_ids\":[\"1\"]}}");
      assertThat(client.awaitCloseCode()).isEqualTo(4001);
    }
  }

  @Test
  void soundboardRequestGetsOneSoundboardSoundsPerGuild() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      client.send("{\"op\":31,\"d\":{\"guild_ids\":[\"" + GUILD.id() + "\",\"42\"]}}");

      JsonNode first = client.expectDispatch("SOUNDBOARD_SOUNDS").get("d");
      JsonNode second = client.expectDispatch("SOUNDBOARD_SOUNDS").get("d");
      assertThat(first.get("guild_id").asString()).isEqualTo(GUILD.id());
      assertThat(first.get("soundboard_sounds")).hasSize(1);
      assertThat(second.get("guild_id").asString()).isEqualTo("42");
      assertThat(second.get("soundboard_sounds")).isEmpty();
    }
  }

  @Test
  void channelInfoRequestGetsVoiceChannelStatus() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      client.send(
          "{\"op\":43,\"d\":{\"guild_id\":\"" + GUILD.id() + "\",\"fields\":[\"status\"]}}");

      JsonNode d = client.expectDispatch("CHANNEL_INFO").get("d");
      assertThat(d.get("guild_id").asString()).isEqualTo(GUILD.id());
      assertThat(d.get("channels")).hasSize(1);
      assertThat(d.get("channels").get(0).has("status")).isTrue();
      assertThat(d.get("channels").get(0).has("voice_start_time")).isFalse();
    }
  }

  @Test
  void presenceUpdateIsAcceptedAndRecorded() {
    try (TestClient client = client(FakeGatewayConfig.defaults())) {
      client.send(
          "{\"op\":3,\"d\":{\"since\":null,\"activities\":[{\"name\":\"tests\",\"type\":0}],"
              + "\"status\":\"online\",\"afk\":false}}");
      client.heartbeat(2L);
      client.expectOp(11);

      ClientPayload presence = gateway.takeCommand(Opcode.PRESENCE_UPDATE, Duration.ofSeconds(5));
      assertThat(presence.data().get("status").asString()).isEqualTo("online");
      assertThat(presence.shard()).isZero();
      assertThat(client.closeCode).isNotDone();
    }
  }
}
