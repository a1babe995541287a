package io.github.discordgateway.core.shard.internal;

import io.github.discordgateway.core.shard.BackoffPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with full jitter: attempt {@code n} (from 0) waits a random time in
 * {@code [0, min(max, initial * multiplier^n)]}. Full jitter spreads the reconnects of many shards
 * after a common outage. Not thread-safe: one instance per shard, used from its supervisor.
 *
 * <pre>{@code
 * ReconnectBackoff backoff = new ReconnectBackoff(BackoffPolicy.defaults(), RandomGenerator.getDefault());
 * Duration wait = backoff.next(); // before the next connection attempt
 * backoff.reset();                // after a stable connection
 * }</pre>
 */
public final class ReconnectBackoff {

  private final BackoffPolicy policy;
  private final RandomGenerator random;
  private int attempt;

  /**
   * Creates a backoff.
   *
   * @param policy the delays
   * @param random the jitter source
   */
  public ReconnectBackoff(BackoffPolicy policy, RandomGenerator random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Returns the delay before the next attempt and counts the attempt. */
  public Duration next() {
    Duration ceiling = ceiling(attempt);
    attempt = Math.min(attempt + 1, 62);
    long bound = ceiling.toMillis();
    return Duration.ofMillis(bound <= 0 ? 0 : random.nextLong(bound + 1));
  }

  /** Returns the upper bound of the delay of attempt {@code n} (from 0). */
  public Duration ceiling(int n) {
    double millis = policy.initial().toMillis() * Math.pow(policy.multiplier(), n);
    long max = policy.max().toMillis();
    return Duration.ofMillis(millis >= max ? max : (long) millis);
  }

  /** Returns how many attempts were counted since the last reset. */
  public int attempts() {
    return attempt;
  }

  /** Starts again from the first attempt (after a stable connection). */
  public void reset() {
    attempt = 0;
  }
}
