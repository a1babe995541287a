package io.github.discordgateway.core.shard;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a shard waits before reconnecting: a random delay up to a ceiling that grows by {@code
 * multiplier} per failed attempt, from {@code initial} up to {@code max}.
 *
 * @param initial the ceiling of the first attempt's delay
 * @param max the cap of every delay
 * @param multiplier the growth of the ceiling per attempt (at least 1)
 * @param resetAfter how long a connection must stay connected before the attempts count from 0
 *     again
 */
public record BackoffPolicy(
    Duration initial, Duration max, double multiplier, Duration resetAfter) {

  /** Validates the policy. */
  public BackoffPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(resetAfter, "resetAfter");
    if (initial.isNegative() || max.isNegative() || resetAfter.isNegative()) {
      throw new IllegalArgumentException("Backoff durations must not be negative");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "Backoff max (" + max + ") must not be below initial (" + initial + ")");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("Backoff multiplier must be >= 1, but was " + multiplier);
    }
  }

  /** Returns the defaults: 1 s initial, doubling, capped at 60 s, reset after 60 s connected. */
  public static BackoffPolicy defaults() {
    return new BackoffPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, Duration.ofSeconds(60));
  }
}
