package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void acknowledgesHeartbeatsAndRecordsTheirSequences() {
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.expectDispatch("GUILD_CREATE");

      client.heartbeat(2L);
      client.expectOp(11);
      client.heartbeat(2L);
      client.expectOp(11);

      assertThat(gateway.takeHeartbeat(Duration.ofSeconds(5)).sequence()).isEqualTo(2L);
      assertThat(gateway.recorder().heartbeatSequences(0)).containsExactly(2L, 2L);
      gateway.recorder().assertHeartbeatsCarried(0, 2L);
      assertThatThrownBy(() -> gateway.recorder().assertHeartbeatsCarried(0, 3L))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void nullHeartbeatBeforeIdentifyIsRecordedWithoutShard() {
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      client.heartbeat(null);
      client.expectOp(11);

      ClientPayload heartbeat = gateway.takeHeartbeat(Duration.ofSeconds(5));
      assertThat(heartbeat.sequence()).isNull();
      assertThat(heartbeat.shard()).isEqualTo(-1);
      assertThat(gateway.recorder().heartbeatSequences(-1)).containsExactly((Long) null);
    }
  }

  @Test
  void zombieModeStopsAcksUntilResumed() {
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.expectDispatch("GUILD_CREATE");
      gateway.stopAckingHeartbeats();

      client.heartbeat(2L);
      // Frames are handled in order: had the heartbeat been ACKed, op 11 would come first.
      client.send(
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + FakeGatewayConfig.DEFAULT_GUILD.id()
              + "\",\"user_ids\":[\"1\"]}}");
      assertThat(client.next().get("t").asString()).isEqualTo("GUILD_MEMBERS_CHUNK");
      assertThat(gateway.recorder().heartbeatSequences(0)).containsExactly(2L);

      gateway.resumeAckingHeartbeats();
      client.heartbeat(3L);
      client.expectOp(11);
    }
  }

  @Test
  void serverCanAskForAHeartbeat() {
    try (TestClient client = TestClient.identified(gateway, 1)) {
      client.expectDispatch("GUILD_CREATE");

      assertThat(gateway.requestHeartbeat(0)).isEqualTo(1);

      assertThat(client.expectOp(1).get("d").isNull()).isTrue();
    }
  }

  @Test
  void heartbeatWithNonNumericSequenceClosesWith4001() {
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      client.send("{\"op\":1,\"d\":\"twelve\"}");
      assertThat(client.awaitCloseCode()).isEqualTo(4001);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> gateway.recorder().serverCloseCodes().contains(4001));
    }
  }
}
