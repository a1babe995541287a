package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Faults aimed at one shard, and the session history kept for replay checks. */
class PerShardFaultsTest {

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway =
        FakeDiscordGateway.builder()
            .shards(2)
            .maxConcurrency(2)
            .identifyWindow(Duration.ofMillis(1))
            .start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient shard(int id) {
    TestClient client = TestClient.connect(gateway);
    client.expectOp(10);
    client.send(TestClient.identify(gateway.token(), 1, "[" + id + ",2]"));
    client.expectDispatch("READY");
    return client;
  }

  @Test
  void failIdentifyClosesOnlyThatShardsIdentify() {
    gateway.failIdentify(1, 4014, "Disallowed intent(s).");
    try (TestClient zero = shard(0);
        TestClient one = TestClient.connect(gateway)) {
      one.expectOp(10);
      one.send(TestClient.identify(gateway.token(), 1, "[1,2]"));
      assertThat(one.awaitCloseCode()).isEqualTo(4014);
      assertThat(gateway.recorder().identifyCount(1)).isZero();
      assertThat(gateway.recorder().identifyCount(0)).isOne();
      assertThat(zero).isNotNull();
    }
  }

  @Test
  void stopAckingOneShardKeepsAcknowledgingTheOthers() {
    try (TestClient zero = shard(0);
        TestClient one = shard(1)) {
      zero.skipToDispatch("GUILD_CREATE");
      gateway.stopAckingHeartbeats(0);
      zero.heartbeat(1L);
      one.heartbeat(1L);
      assertThat(one.expectOp(11)).isNotNull();
      gateway.requestHeartbeat(0);
      // shard 0 got no ACK: the next thing it receives is the heartbeat request
      assertThat(zero.expectOp(1)).isNotNull();
      gateway.resumeAckingHeartbeats(0);
      zero.heartbeat(1L);
      assertThat(zero.expectOp(11)).isNotNull();
    }
  }

  @Test
  void forgetSessionMakesTheNextResumeOfThatShardFail() {
    String session;
    try (TestClient zero = shard(0)) {
      session = gateway.sessionId(0).orElseThrow();
      gateway.forgetSession(0);
      // the open connection still gets events
      assertThat(gateway.dispatch(0, "SOMETHING_NEW", "{}")).isOne();
    }
    try (TestClient again = TestClient.connect(gateway)) {
      again.expectOp(10);
      again.send(TestClient.resume(gateway.token(), session, 1));
      JsonNode invalid = again.expectOp(9);
      assertThat(invalid.path("d").asBoolean(true)).isFalse();
    }
  }

  @Test
  void sessionHistoryKeepsEndedSessionsAndTheirDispatches() {
    try (TestClient first = shard(0)) {
      gateway.dispatch(0, "SOMETHING_NEW", "{\"n\":1}");
      first.skipToDispatch("SOMETHING_NEW");
      gateway.sendInvalidSession(0, false);
      first.expectOp(9);
    }
    try (TestClient second = shard(0)) {
      List<String> ids = gateway.sessionIds(0);
      assertThat(ids).hasSize(2);
      assertThat(ids.get(1)).isEqualTo(gateway.sessionId(0).orElseThrow());
      assertThat(gateway.sentDispatches(ids.get(0)))
          .extracting(SentDispatch::type)
          .contains("READY", "SOMETHING_NEW");
      assertThat(gateway.sentDispatches(ids.get(1))).extracting(SentDispatch::seq).startsWith(1L);
      assertThat(gateway.sentDispatches("unknown")).isEmpty();
      assertThat(second).isNotNull();
    }
  }

  @Test
  void pauseOutputOfOneShardHoldsOnlyItsConnection() {
    try (TestClient zero = shard(0);
        TestClient one = shard(1)) {
      zero.skipToDispatch("GUILD_CREATE");
      assertThat(gateway.pauseOutput(0, Duration.ofSeconds(1))).isOne();
      long start = System.nanoTime();
      one.heartbeat(null);
      one.expectOp(11);
      zero.heartbeat(null);
      zero.expectOp(11);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }
  }

  @Test
  void resetConnectionDropsTheSocketWithoutACloseFrame() {
    try (TestClient zero = shard(0)) {
      assertThat(gateway.resetConnection(0)).isOne();
      assertThat(zero.awaitCloseCode()).isEqualTo(1006);
      await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connection(0).isEmpty());
      assertThat(gateway.recorder().serverCloseCodes()).isEmpty();
    }
  }
}
