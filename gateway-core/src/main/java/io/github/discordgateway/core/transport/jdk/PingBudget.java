package io.github.discordgateway.core.transport.jdk;

import java.util.function.LongSupplier;

/**
 * Counts the pings of one connection in one-second windows. Discord does not ping its clients (they
 * heartbeat with op 1), and an intermediary pings seldom, so more than {@link #PINGS_PER_SECOND} in
 * one second is a flood: answering it would cost a core per connection.
 */
final class PingBudget {

  /** Pings accepted per one-second window; the next one in the window is a flood. */
  static final int PINGS_PER_SECOND = 100;

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int limit;
  private final LongSupplier nanoTime;
  private long windowStart;
  private int count;

  PingBudget() {
    this(PINGS_PER_SECOND, System::nanoTime);
  }

  PingBudget(int limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  /**
   * Returns whether one more ping is within the budget; {@code false} once the window is used up.
   */
  boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    if (now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      count = 0;
    }
    count++;
    return count <= limit;
  }

  int limit() {
    return limit;
  }
}
