package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.shard.ShardState;
import io.github.discordgateway.core.shard.ShardStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Turns a {@link ShardState} into a {@link Health}. A shard is UP only when its session is live and
 * a heartbeat ACK arrived recently: a shard that claims CONNECTED while its ACKs stopped is DOWN,
 * never UP.
 *
 * <table>
 *   <caption>Status mapping</caption>
 *   <tr><th>Shard</th><th>Health</th></tr>
 *   <tr><td>CONNECTED, ACK within the heartbeat timeout</td><td>UP</td></tr>
 *   <tr><td>CONNECTED, no ACK within the heartbeat timeout</td><td>DOWN</td></tr>
 *   <tr><td>CONNECTING, IDENTIFYING, RESUMING, RECONNECTING, ZOMBIE</td>
 *       <td>{@link #RECONNECTING} within the tolerated share, else OUT_OF_SERVICE</td></tr>
 *   <tr><td>STOPPED</td><td>OUT_OF_SERVICE</td></tr>
 *   <tr><td>FATAL</td><td>DOWN, with the close code and what to fix</td></tr>
 * </table>
 *
 * <p>Details never include the token or the session id.
 */
public final class ShardHealthEvaluator {

  /**
   * A shard on its way back to a session while enough other shards are connected. The default
   * status order ignores it, so it does not change the aggregate status or the HTTP code.
   */
  public static final Status RECONNECTING =
      new Status("RECONNECTING", "Reconnecting; within the tolerated share of shards");

  /** Heartbeat interval assumed before a shard's first Hello (Discord sends about 41.25 s). */
  static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(45);

  /** Heartbeat intervals without an ACK after which a CONNECTED shard is DOWN. */
  static final int HEARTBEAT_TIMEOUT_INTERVALS = 3;

  private final InstantSource clock;
  private final Duration heartbeatTimeout;

  /**
   * Creates an evaluator.
   *
   * @param clock the time source of the shard manager
   * @param heartbeatTimeout a fixed heartbeat timeout, or {@code null} for three heartbeat
   *     intervals of the shard's latest Hello
   */
  public ShardHealthEvaluator(InstantSource clock, Duration heartbeatTimeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.heartbeatTimeout = heartbeatTimeout;
  }

  /**
   * Returns whether a status is a temporary step on the way back to a session.
   *
   * @param status the shard status
   * @return whether it counts towards the reconnecting share
   */
  public static boolean reconnecting(ShardStatus status) {
    return switch (status) {
      case CONNECTING, IDENTIFYING, RESUMING, RECONNECTING, ZOMBIE -> true;
      case STOPPED, CONNECTED, FATAL -> false;
    };
  }

  /**
   * Returns how long a CONNECTED shard may go without a heartbeat ACK.
   *
   * @param state the shard's state (its heartbeat interval is that of its latest Hello)
   * @return the timeout
   */
  public Duration heartbeatTimeout(ShardState state) {
    if (heartbeatTimeout != null) {
      return heartbeatTimeout;
    }
    Duration interval = state.heartbeatInterval();
    if (interval == null || interval.isNegative() || interval.isZero()) {
      interval = DEFAULT_HEARTBEAT_INTERVAL;
    }
    return interval.multipliedBy(HEARTBEAT_TIMEOUT_INTERVALS);
  }

  /**
   * Evaluates one shard.
   *
   * @param state the shard's state
   * @param fatalError the error that stopped the shard, or {@code null}
   * @param reconnectTolerated whether the reconnecting shards are within the tolerated share
   * @return its health
   */
  public Health evaluate(
      ShardState state, GatewayException fatalError, boolean reconnectTolerated) {
    Instant now = clock.instant();
    Health.Builder health = new Health.Builder();
    switch (state.status()) {
      case CONNECTED -> {
        Duration timeout = heartbeatTimeout(state);
        Instant reference = latest(state.lastHeartbeatAck(), state.since());
        Duration silence = reference == null ? Duration.ZERO : Duration.between(reference, now);
        if (silence.compareTo(timeout) > 0) {
          health
              .down()
              .withDetail(
                  "problem",
                  "No heartbeat ACK for "
                      + silence.toMillis()
                      + " ms although the shard reports CONNECTED: the connection is dead and"
                      + " was not replaced")
              .withDetail("heartbeatTimeoutMillis", timeout.toMillis());
        } else {
          health.up();
        }
      }
      case CONNECTING, IDENTIFYING, RESUMING, RECONNECTING, ZOMBIE ->
          health.status(reconnectTolerated ? RECONNECTING : Status.OUT_OF_SERVICE);
      case STOPPED -> health.outOfService();
      case FATAL -> {
        health.down();
        int code =
            fatalError != null && fatalError.closeCode().isPresent()
                ? fatalError.closeCode().getAsInt()
                : state.lastCloseCode();
        if (code >= 0) {
          health.withDetail("closeCode", code);
        }
        if (fatalError != null) {
          health.withDetail("error", fatalError.kind().name());
        }
        health.withDetail("hint", FatalCloseHints.hint(fatalError, code));
      }
    }
    addDetails(health, state, now);
    return health.build();
  }

  private static void addDetails(Health.Builder health, ShardState state, Instant now) {
    health.withDetail("state", state.status().name());
    if (state.since() != null) {
      health.withDetail("since", state.since().toString());
    }
    if (state.reason() != null && !state.reason().isEmpty()) {
      health.withDetail("reason", state.reason());
    }
    health.withDetail("reconnectAttempts", state.reconnectAttempt());
    if (state.lastCloseCode() >= 0) {
      health.withDetail("lastCloseCode", state.lastCloseCode());
      if (state.lastCloseReason() != null && !state.lastCloseReason().isEmpty()) {
        health.withDetail("lastCloseReason", state.lastCloseReason());
      }
    }
    if (state.heartbeatRoundTrip() != null) {
      health.withDetail("heartbeatRoundTripMillis", state.heartbeatRoundTrip().toMillis());
    }
    if (state.lastHeartbeatAck() != null) {
      health.withDetail("millisSinceHeartbeatAck", millisSince(state.lastHeartbeatAck(), now));
    }
    if (state.lastDispatch() != null) {
      health.withDetail("millisSinceDispatch", millisSince(state.lastDispatch(), now));
    }
    if (state.sequence() >= 0) {
      health.withDetail("sequence", state.sequence());
    }
    health.withDetail("guilds", state.guildCount());
  }

  private static long millisSince(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toMillis());
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
