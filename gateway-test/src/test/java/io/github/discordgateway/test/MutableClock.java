package io.github.discordgateway.test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A hand-driven time source for window tests. */
final class MutableClock implements InstantSource {
  private volatile Instant now = Instant.parse("2026-08-06T12:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }
}
