package io.github.discordgateway.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.shard.ShardState;
import io.github.discordgateway.core.shard.ShardStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ShardHealthEvaluatorTests {

  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  private static final String SESSION_ID = "a1b2c3-session-secret";

  private final ShardHealthEvaluator evaluator =
      new ShardHealthEvaluator(InstantSource.fixed(NOW), null);

  @Test
  void connectedShardWithRecentAckIsUp() {
    Health health = evaluator.evaluate(connected(NOW.minusSeconds(30)), null, false);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("state", "CONNECTED")
        .containsEntry("heartbeatRoundTripMillis", 42L)
        .containsEntry("millisSinceHeartbeatAck", 30_000L)
        .containsEntry("millisSinceDispatch", 1_000L)
        .containsEntry("sequence", 77L)
        .containsEntry("guilds", 5)
        .containsEntry("reconnectAttempts", 0);
  }

  @Test
  void whenConnectedShardStopsGettingAcksThenItIsDownNotUp() {
    // three default intervals (135 s) without an ACK while the status still says CONNECTED
    Health health = evaluator.evaluate(connected(NOW.minusSeconds(200)), null, true);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("problem").containsEntry("state", "CONNECTED");
  }

  @Test
  void heartbeatTimeoutIsThreeIntervalsFromHello() {
    assertThat(evaluator.heartbeatTimeout(connected(NOW, TEN_SECONDS)))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(
            evaluator
                .evaluate(connected(NOW.minusSeconds(29), TEN_SECONDS), null, false)
                .getStatus())
        .isEqualTo(Status.UP);
    assertThat(
            evaluator
                .evaluate(connected(NOW.minusSeconds(31), TEN_SECONDS), null, false)
                .getStatus())
        .isEqualTo(Status.DOWN);
  }

  @Test
  void configuredHeartbeatTimeoutWins() {
    ShardHealthEvaluator fixed =
        new ShardHealthEvaluator(InstantSource.fixed(NOW), Duration.ofSeconds(5));
    assertThat(fixed.evaluate(connected(NOW.minusSeconds(6), TEN_SECONDS), null, false).getStatus())
        .isEqualTo(Status.DOWN);
  }

  @Test
  void freshConnectionWithoutAckYetIsUp() {
    ShardState state = state(ShardStatus.CONNECTED, NOW.minusSeconds(1), null, -1);
    assertThat(evaluator.evaluate(state, null, false).getStatus()).isEqualTo(Status.UP);
  }

  @ParameterizedTest
  @EnumSource(
      value = ShardStatus.class,
      names = {"CONNECTING", "IDENTIFYING", "RESUMING", "RECONNECTING", "ZOMBIE"})
  void shardOnItsWayBackIsNeverUp(ShardStatus status) {
    ShardState state = state(status, NOW.minusSeconds(1), NOW.minusSeconds(5), 4000);
    assertThat(evaluator.evaluate(state, null, false).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(evaluator.evaluate(state, null, true).getStatus())
        .isEqualTo(ShardHealthEvaluator.RECONNECTING);
    assertThat(ShardHealthEvaluator.reconnecting(status)).isTrue();
  }

  @Test
  void stoppedShardIsOutOfService() {
    ShardState state = state(ShardStatus.STOPPED, NOW, null, -1);
    assertThat(evaluator.evaluate(state, null, true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
  }

  @ParameterizedTest
  @CsvSource({
    "4004, AUTHENTICATION_FAILED, discord.gateway.token",
    "4010, INVALID_SHARD, discord.gateway.shards.ids",
    "4011, SHARDING_REQUIRED, discord.gateway.shards.total",
    "4012, INVALID_API_VERSION, upgrade the library",
    "4013, INVALID_INTENTS, discord.gateway.intents",
    "4014, DISALLOWED_INTENTS, Privileged Gateway Intents"
  })
  void fatalCloseIsDownWithCodeAndWhatToFix(int code, String kind, String fix) {
    ShardState state = state(ShardStatus.FATAL, NOW, NOW.minusSeconds(5), code);
    GatewayException error = GatewayException.forCloseCode(code, "");
    Health health = evaluator.evaluate(state, error, true);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("closeCode", code)
        .containsEntry("error", kind)
        .containsEntry("lastCloseCode", code);
    assertThat((String) health.getDetails().get("hint")).contains(fix);
  }

  @Test
  void fatalCloseWithoutErrorStillExplainsTheCode() {
    ShardState state = state(ShardStatus.FATAL, NOW, null, 4014);
    Health health = evaluator.evaluate(state, null, false);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat((String) health.getDetails().get("hint")).contains("discord.gateway.intents");
  }

  @ParameterizedTest
  @EnumSource(ShardStatus.class)
  void detailsNeverShowTheSessionId(ShardStatus status) {
    Health health = evaluator.evaluate(state(status, NOW, NOW, 4004), null, false);
    assertThat(health.toString()).doesNotContain(SESSION_ID);
    assertThat(health.getDetails().values())
        .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(SESSION_ID));
  }

  @Test
  void aNonPositiveHeartbeatIntervalFallsBackToTheDefault() {
    assertThat(evaluator.heartbeatTimeout(connected(NOW, Duration.ZERO)))
        .isEqualTo(ShardHealthEvaluator.DEFAULT_HEARTBEAT_INTERVAL.multipliedBy(3));
  }

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private static ShardState connected(Instant lastAck) {
    return connected(lastAck, null);
  }

  private static ShardState connected(Instant lastAck, Duration heartbeatInterval) {
    return state(ShardStatus.CONNECTED, NOW.minusSeconds(3600), lastAck, -1, heartbeatInterval);
  }

  private static ShardState state(ShardStatus status, Instant since, Instant lastAck, int close) {
    return state(status, since, lastAck, close, null);
  }

  private static ShardState state(
      ShardStatus status, Instant since, Instant lastAck, int close, Duration heartbeatInterval) {
    return new ShardState(
        0,
        1,
        status,
        since,
        "",
        0,
        close,
        close < 0 ? "" : "closed",
        Duration.ofMillis(42),
        heartbeatInterval,
        lastAck,
        NOW.minusSeconds(1),
        77,
        SESSION_ID,
        5,
        1,
        1,
        0);
  }
}
