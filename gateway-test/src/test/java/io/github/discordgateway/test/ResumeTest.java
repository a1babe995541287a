package io.github.discordgateway.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResumeTest {

  private FakeDiscordGateway gateway;

  @BeforeEach
  void start() {
    gateway = FakeDiscordGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private TestClient resumeClient() {
    TestClient client = TestClient.connect(gateway.resumeGatewayUrl() + "?v=10&encoding=json");
    client.expectOp(10);
    return client;
  }

  @Test
  void resumeReplaysEverythingAfterTheSequenceThenSendsResumed() {
    String sessionId;
    try (TestClient first = TestClient.identified(gateway, 1 | 512)) {
      first.expectDispatch("GUILD_CREATE");
      sessionId = gateway.sessionId(0).orElseThrow();
      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":3}");
      first.expectDispatch("USER_UPDATE");
      first.close(4900);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.connection(0).isEmpty());
    // Sent while no connection is open: kept for the replay.
    gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":4}");
    gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":5}");

    try (TestClient second = resumeClient()) {
      second.send(TestClient.resume(gateway.token(), sessionId, 2));

      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonNode replayed = second.expectDispatch("USER_UPDATE");
        seqs.add(replayed.get("s").asLong());
      }
      JsonNode resumed = second.expectDispatch("RESUMED");
      assertThat(seqs).containsExactly(3L, 4L, 5L);
      assertThat(resumed.get("s").asLong()).isEqualTo(6);
      assertThat(gateway.recorder().resumeCount(0)).isEqualTo(1);
      assertThat(gateway.recorder().connectionCount(0)).isEqualTo(2);
      gateway.recorder().assertResumedWith(sessionId, 2);
      assertThat(gateway.recorder().connections().get(1).path()).isEqualTo("/resume");
      assertThat(gateway.recorder().clientCloseCodes()).containsExactly(4900);

      gateway.dispatch(0, "USER_UPDATE", "{\"id\":\"1\",\"n\":7}");
      assertThat(second.expectDispatch("USER_UPDATE").get("s").asLong()).isEqualTo(7);
    }
  }

  @Test
  void resumeOfAnUnknownSessionGetsInvalidSessionFalse() {
    try (TestClient client = resumeClient()) {
      client.send(TestClient.resume(gateway.token(), "no-such-session", 1));

      assertThat(client.expectOp(9).get("d").asBoolean()).isFalse();
    }
  }

  @Test
  void resumeWithASequenceAheadOfTheSessionClosesWith4007() {
    String sessionId;
    try (TestClient first = TestClient.identified(gateway, 1)) {
      sessionId = gateway.sessionId(0).orElseThrow();
    }
    try (TestClient client = resumeClient()) {
      client.send(TestClient.resume(gateway.token(), sessionId, 99));

      assertThat(client.awaitCloseCode()).isEqualTo(4007);
    }
  }

  @Test
  void resumeWithAWrongTokenClosesWith4004() {
    try (TestClient client = resumeClient()) {
      client.send(TestClient.resume("wrong", "x", 1));
      assertThat(client.awaitCloseCode()).isEqualTo(4004);
    }
  }

  @Test
  void forgottenSessionsCannotBeResumed() {
    String sessionId;
    try (TestClient first = TestClient.identified(gateway, 1)) {
      sessionId = gateway.sessionId(0).orElseThrow();
    }
    gateway.forgetSessions();

    try (TestClient client = resumeClient()) {
      client.send(TestClient.resume(gateway.token(), sessionId, 1));

      assertThat(client.expectOp(9).get("d").asBoolean()).isFalse();
    }
  }

  @Test
  void clientClose1000InvalidatesTheSession() {
    String sessionId;
    try (TestClient first = TestClient.identified(gateway, 1)) {
      sessionId = gateway.sessionId(0).orElseThrow();
      first.close(1000);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> gateway.recorder().clientCloseCodes().contains(1000));
    }

    try (TestClient client = resumeClient()) {
      client.send(TestClient.resume(gateway.token(), sessionId, 1));

      assertThat(client.expectOp(9).get("d").asBoolean()).isFalse();
    }
  }

  @Test
  void resumeOnTheMainPathWorksToo() {
    String sessionId;
    try (TestClient first = TestClient.identified(gateway, 1)) {
      sessionId = gateway.sessionId(0).orElseThrow();
    }
    try (TestClient client = TestClient.connect(gateway)) {
      client.expectOp(10);
      client.send(TestClient.resume(gateway.token(), sessionId, 1));
      client.skipToDispatch("RESUMED");
    }
  }
}
