package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalInt;

/**
 * The session starts (identifies) the bot has left: as Discord last reported them in {@code GET
 * /gateway/bot}, minus the identifies this process sent since, back to the total once {@code
 * reset_after} has passed. Shared by the shards of one manager; its methods are short and call
 * nothing, so a plain monitor guards it.
 */
final class SessionStartBudget {

  private final InstantSource clock;
  private int total = -1;
  private int remaining = -1;
  private Instant resetAt;

  SessionStartBudget(InstantSource clock) {
    this.clock = clock;
  }

  /** Takes the limit Discord reported. */
  synchronized void update(SessionStartLimit limit) {
    total = limit.total();
    remaining = Math.max(0, limit.remaining());
    resetAt = clock.instant().plus(limit.resetAfterDuration());
  }

  /** Counts one Identify sent. */
  synchronized void identified() {
    if (remaining > 0) {
      remaining--;
    }
  }

  /** Returns the session starts left, or empty when Discord was not asked. */
  synchronized OptionalInt remaining() {
    if (remaining < 0) {
      return OptionalInt.empty();
    }
    Instant now = clock.instant();
    if (resetAt != null && !now.isBefore(resetAt)) {
      // Discord's window is a day; until it is asked again, assume the next one is too
      remaining = total;
      resetAt = now.plus(Duration.ofDays(1));
    }
    return OptionalInt.of(remaining);
  }
}
