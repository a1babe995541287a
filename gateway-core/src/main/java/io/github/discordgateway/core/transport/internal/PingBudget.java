package io.github.discordgateway.core.transport.internal;

import java.util.function.LongSupplier;

/**
 * Counts the pings of one connection in one-second windows. Discord does not ping its clients (they
 * heartbeat with op 1), and an intermediary pings seldom, so more than {@link #PINGS_PER_SECOND} in
 * one second is a flood: answering it would cost a core per connection. Thread-safe; used by both
 * transports.
 */
public final class PingBudget {

  /** Pings accepted per one-second window; the next one in the window is a flood. */
  public static final int PINGS_PER_SECOND = 100;

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int limit;
  private final LongSupplier nanoTime;
  private long windowStart;
  private int count;

  /** Creates a budget of {@link #PINGS_PER_SECOND} on the system clock. */
  public PingBudget() {
    this(PINGS_PER_SECOND, System::nanoTime);
  }

  /**
   * Creates a budget.
   *
   * @param limit pings accepted per one-second window
   * @param nanoTime the clock, in nanoseconds
   */
  public PingBudget(int limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  /**
   * Returns whether one more ping is within the budget; {@code false} once the window is used up.
   */
  public synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    if (now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      count = 0;
    }
    count++;
    return count <= limit;
  }

  /** Returns the pings accepted per window. */
  public int limit() {
    return limit;
  }
}
