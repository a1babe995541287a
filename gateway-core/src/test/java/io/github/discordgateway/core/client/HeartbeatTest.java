package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  @Test
  @DisplayName("15.3 first heartbeat jitter: after interval*r with r in [0,1), then every interval")
  void firstHeartbeatIsJittered() {
    ClientHarness h = new ClientHarness(null, 0.25, Compression.NONE);
    h.hello(40000);
    h.scheduler.advance(Duration.ofMillis(9999));
    assertThat(h.sent(1)).isEmpty();
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(h.sent(1)).hasSize(1);
    h.ack();
    h.scheduler.advance(Duration.ofMillis(39999));
    assertThat(h.sent(1)).hasSize(1);
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(h.sent(1)).hasSize(2);
  }

  @Test
  @DisplayName(
      "15.3 first heartbeat jitter: varies with the random source, always below the interval")
  void jitterVariesAndStaysBelowInterval() {
    for (double r : new double[] {0.0, 0.5, 0.999999}) {
      ClientHarness h = new ClientHarness(null, r, Compression.NONE);
      h.hello(40000);
      long expected = (long) (40000 * r);
      if (expected > 0) {
        h.scheduler.advance(Duration.ofMillis(expected - 1));
        assertThat(h.sent(1)).isEmpty();
        h.scheduler.advance(Duration.ofMillis(1));
      } else {
        h.scheduler.runDue();
      }
      assertThat(h.sent(1)).hasSize(1);
      assertThat(expected).isLessThan(40000);
    }
  }

  @Test
  @DisplayName(
      "15.4 heartbeat payload: null before any dispatch, then the latest dispatch seq only")
  void heartbeatCarriesLatestDispatchSequence() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.hello(40000);
    h.scheduler.runDue();
    assertThat(h.sent(1).get(0).get("d").isNull()).isTrue();
    h.ack();
    h.ready(1, "s");
    h.dispatch(7, "GUILD_CREATE", "{\"id\":\"5\"}");
    h.client.onText("{\"op\":11,\"s\":99}");
    h.client.onText("{\"op\":0,\"t\":\"TYPING_START\",\"s\":null,\"d\":{}}");
    h.scheduler.advance(Duration.ofMillis(40000));
    assertThat(h.sent(1).get(1).get("d").asLong()).isEqualTo(7);
  }

  @Test
  @DisplayName("15.5 server heartbeat request: op 1 from Discord triggers a heartbeat at once")
  void heartbeatsImmediatelyOnRequest() {
    ClientHarness h = new ClientHarness(null, 0.9, Compression.NONE);
    h.connect();
    h.dispatch(2, "GUILD_CREATE", "{}");
    h.client.onText("{\"op\":1,\"d\":null}");
    assertThat(h.sent(1)).hasSize(1);
    assertThat(h.sent(1).get(0).get("d").asLong()).isEqualTo(2);
    h.ack();
    // regular schedule continues; the ACK of the extra beat keeps the connection healthy
    h.scheduler.advance(Duration.ofMillis(41250));
    h.ack();
    h.scheduler.advance(Duration.ofMillis(41250));
    assertThat(h.listener.outcomes).isEmpty();
  }

  @Test
  @DisplayName(
      "15.6 zombie: heartbeat due while the previous one is un-ACKed closes with 4900 and resumes")
  void zombieConnectionClosesAndResumes() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.connect();
    h.scheduler.runDue();
    assertThat(h.sent(1)).hasSize(1);
    h.scheduler.advance(Duration.ofMillis(41250));
    CloseOutcome outcome = h.outcome();
    assertThat(outcome.zombie()).isTrue();
    assertThat(outcome.code()).isEqualTo(4900).isNotIn(1000, 1001);
    assertThat(outcome.nextStep()).isEqualTo(NextStep.RESUME);
    assertThat(outcome.closedLocally()).isTrue();
    assertThat(outcome.error().kind()).isEqualTo(GatewayException.Kind.ZOMBIE_CONNECTION);
    assertThat(h.sink.closeCodes).containsExactly(4900);
    assertThat(h.sent(1)).hasSize(1);
    // no more heartbeats after close
    h.scheduler.advance(Duration.ofMinutes(5));
    assertThat(h.sent(1)).hasSize(1);
  }

  @Test
  @DisplayName("15.6 zombie: ACKed heartbeats keep the connection, and round trips are recorded")
  void acknowledgedHeartbeatsKeepConnection() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.connect();
    for (int i = 0; i < 5; i++) {
      h.scheduler.advance(Duration.ofMillis(i == 0 ? 0 : 41250 - 120));
      h.scheduler.advance(Duration.ofMillis(120));
      h.ack();
    }
    assertThat(h.listener.outcomes).isEmpty();
    assertThat(h.client.lastHeartbeatRoundTrip()).isPresent();
    assertThat(h.listener.roundTrips).contains(Duration.ofMillis(120));
  }

  @Test
  @DisplayName("15.6 zombie: while reading is paused for back-pressure a missing ACK is no zombie")
  void pausedReadingIsNotZombie() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.connect();
    h.scheduler.runDue();
    h.client.setReadingPaused(true);
    h.scheduler.advance(Duration.ofMillis(41250 * 3));
    assertThat(h.listener.outcomes).isEmpty();
    assertThat(h.sent(1)).hasSize(4);
    h.client.setReadingPaused(false);
    h.ack();
    h.scheduler.advance(Duration.ofMillis(41250));
    h.scheduler.advance(Duration.ofMillis(41250));
    assertThat(h.outcome().zombie()).isTrue();
  }

  @Test
  @DisplayName(
      "15.18 send rate limiter: a backlog of commands never delays heartbeats or exceeds 120/60 s")
  void commandBacklogDoesNotDelayHeartbeats() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.connect();
    java.util.List<java.util.concurrent.CompletableFuture<Void>> futures =
        new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(
          h.client.send(io.github.discordgateway.core.protocol.UpdatePresence.of("online")));
    }
    assertThat(h.client.pendingCommands()).isGreaterThan(0);
    for (int beat = 1; beat <= 6; beat++) {
      h.ack();
      int before = h.sent(1).size();
      h.scheduler.advance(Duration.ofMillis(41250));
      assertThat(h.sent(1)).as("heartbeat %s on time", beat).hasSize(before + 1);
    }
    h.ack();
    assertThat(h.listener.outcomes).isEmpty();
    assertThat(futures).allMatch(java.util.concurrent.CompletableFuture::isDone);
    // identify, 7 heartbeats and all 300 commands went out within ~250 s
    assertThat(h.sink.texts).hasSize(1 + 7 + 300);
  }

  @Test
  @DisplayName("a flood of op 1 keeps at most one heartbeat pending and stays within 120/60 s")
  void heartbeatRequestFloodIsCoalesced() {
    ClientHarness h = new ClientHarness(null, 0.9, Compression.NONE);
    h.connect();
    for (int i = 0; i < 5_000; i++) {
      h.client.onText("{\"op\":1,\"d\":null}");
    }
    int firstWindow = h.sent(1).size();
    assertThat(firstWindow).isLessThanOrEqualTo(120);
    h.scheduler.advance(java.time.Duration.ofSeconds(61));
    // the requests beyond the budget collapsed into one heartbeat, plus the regular beat
    assertThat(h.sent(1).size()).isLessThanOrEqualTo(firstWindow + 2);
  }

  @Test
  @DisplayName("a Hello interval beyond reason is clamped: heartbeats and zombie detection go on")
  void absurdHelloIntervalIsClamped() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.hello(1_000_000_000_000L);
    h.scheduler.runDue();
    assertThat(h.client.heartbeatInterval()).contains(Heartbeater.MAX_INTERVAL);
    assertThat(h.sent(1)).hasSize(1);
    h.scheduler.advance(Heartbeater.MAX_INTERVAL);
    assertThat(h.outcome().zombie()).isTrue();
  }

  @Test
  @DisplayName("a tiny Hello interval is raised to the minimum")
  void tinyHelloIntervalIsRaised() {
    ClientHarness h = new ClientHarness(null, 0.0, Compression.NONE);
    h.hello(1);
    assertThat(h.client.heartbeatInterval()).contains(Heartbeater.MIN_INTERVAL);
  }
}
