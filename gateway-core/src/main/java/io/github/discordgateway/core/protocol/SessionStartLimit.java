package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The identify quota from {@code GET /gateway/bot}.
 *
 * @param total session starts allowed in the current window
 * @param remaining session starts left
 * @param resetAfter milliseconds until the quota resets
 * @param maxConcurrency identify buckets (identifies allowed per 5 seconds)
 */
public record SessionStartLimit(
    int total,
    int remaining,
    @JsonProperty("reset_after") long resetAfter,
    @JsonProperty("max_concurrency") int maxConcurrency) {

  /** Returns {@link #resetAfter()} as a duration. */
  public Duration resetAfterDuration() {
    return Duration.ofMillis(resetAfter);
  }
}
