package io.github.discordgateway.core.scheduling;

import java.time.Duration;

/**
 * Runs tasks after a delay: heartbeats, rate-limit waits, identify windows. The core never sleeps a
 * thread; it schedules. Implementations run tasks on their own threads (or, for the virtual-time
 * {@code ManualScheduler} of the test fixtures, when a test advances time) and must be thread-safe.
 * A task that throws must not break the scheduler.
 *
 * <pre>{@code
 * Cancellable beat = scheduler.schedule(this::heartbeat, Duration.ofMillis(41_250));
 * beat.cancel();
 * }</pre>
 */
@FunctionalInterface
public interface GatewayScheduler {

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @param task the task
   * @param delay the delay; zero or negative means as soon as possible
   * @return a handle to cancel the task
   */
  Cancellable schedule(Runnable task, Duration delay);
}
