package io.github.discordgateway.core.ratelimit.internal;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Sliding-window send limiter of one connection: at most {@code limit} payloads in any window
 * (Discord: 120 per 60 s, close 4008 beyond). Ordinary commands may only use {@code limit -
 * reserve}; the reserve is kept for priority payloads (heartbeat, identify, resume), so queued
 * commands never delay a heartbeat.
 *
 * <p>Thread-safe. Time comes from the injected {@link InstantSource}.
 */
public final class CommandRateLimiter {

  /** Discord's limit per connection. */
  public static final int DEFAULT_LIMIT = 120;

  /** Discord's window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

  /** Slots of each window kept for priority payloads. */
  public static final int DEFAULT_RESERVE = 10;

  private final InstantSource clock;
  private final int limit;
  private final long windowMillis;
  private final int reserve;
  private final long[] sentAt;
  private int head;
  private int count;

  /**
   * Creates a limiter with Discord's numbers (120 per 60 s, 10 kept for priority payloads).
   *
   * @param clock the time source
   */
  public CommandRateLimiter(InstantSource clock) {
    this(clock, DEFAULT_LIMIT, DEFAULT_WINDOW, DEFAULT_RESERVE);
  }

  /**
   * Creates a limiter.
   *
   * @param clock the time source
   * @param limit payloads per window in total
   * @param window the window length
   * @param reserve slots per window only priority payloads may use
   */
  public CommandRateLimiter(InstantSource clock, int limit, Duration window, int reserve) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (limit < 1 || reserve < 0 || reserve >= limit) {
      throw new IllegalArgumentException("Need limit >= 1 and 0 <= reserve < limit");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.reserve = reserve;
    this.sentAt = new long[limit];
  }

  /**
   * Takes a slot now if one is free.
   *
   * @param priority whether the payload may use the reserve
   * @return whether the payload may be sent now (the slot is then used)
   */
  public synchronized boolean tryAcquire(boolean priority) {
    long now = clock.millis();
    prune(now);
    if (count >= allowed(priority)) {
      return false;
    }
    sentAt[(head + count) % sentAt.length] = now;
    count++;
    return true;
  }

  /**
   * Returns how long until {@link #tryAcquire(boolean)} would succeed; zero when it would now.
   *
   * @param priority whether the payload may use the reserve
   * @return the wait
   */
  public synchronized Duration timeUntilAvailable(boolean priority) {
    long now = clock.millis();
    prune(now);
    int allowed = allowed(priority);
    if (count < allowed) {
      return Duration.ZERO;
    }
    // The slot frees when the (count - allowed)-th oldest send leaves the window.
    long oldestBlocking = sentAt[(head + count - allowed) % sentAt.length];
    return Duration.ofMillis(Math.max(1, oldestBlocking + windowMillis - now));
  }

  /** Returns how many payloads were sent in the current window. */
  public synchronized int usedInWindow() {
    prune(clock.millis());
    return count;
  }

  /** Returns the total limit per window. */
  public int limit() {
    return limit;
  }

  /** Returns the slots kept for priority payloads. */
  public int reserve() {
    return reserve;
  }

  private int allowed(boolean priority) {
    return priority ? limit : limit - reserve;
  }

  private void prune(long now) {
    while (count > 0 && sentAt[head] + windowMillis <= now) {
      head = (head + 1) % sentAt.length;
      count--;
    }
  }
}
