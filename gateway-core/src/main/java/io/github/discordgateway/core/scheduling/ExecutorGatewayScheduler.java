package io.github.discordgateway.core.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GatewayScheduler} over a {@link ScheduledExecutorService}, shared by every connection of
 * a process. Exceptions thrown by tasks are logged and do not stop later tasks.
 *
 * <pre>{@code
 * try (ExecutorGatewayScheduler scheduler = ExecutorGatewayScheduler.create("gateway", 1)) {
 *   scheduler.schedule(() -> System.out.println("tick"), Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class ExecutorGatewayScheduler implements GatewayScheduler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecutorGatewayScheduler.class);

  private final ScheduledExecutorService executor;
  private final boolean owned;

  /**
   * Wraps an executor the caller owns (and shuts down).
   *
   * @param executor the executor
   */
  public ExecutorGatewayScheduler(ScheduledExecutorService executor) {
    this(executor, false);
  }

  private ExecutorGatewayScheduler(ScheduledExecutorService executor, boolean owned) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.owned = owned;
  }

  /**
   * Creates a scheduler with its own daemon threads; {@link #close()} shuts them down.
   *
   * @param namePrefix prefix of the thread names
   * @param threads number of threads (1 is plenty for hundreds of shards)
   * @return the scheduler
   */
  public static ExecutorGatewayScheduler create(String namePrefix, int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, namePrefix + "-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, factory);
    executor.setRemoveOnCancelPolicy(true);
    return new ExecutorGatewayScheduler(executor, true);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    long nanos = delay == null || delay.isNegative() ? 0 : saturatedNanos(delay);
    ScheduledFuture<?> future =
        executor.schedule(
            () -> {
              try {
                task.run();
              } catch (Throwable e) {
                log.error("Scheduled gateway task failed", e);
              }
            },
            nanos,
            TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private static long saturatedNanos(Duration delay) {
    try {
      return delay.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  /** Shuts the threads down when this scheduler created them; otherwise does nothing. */
  @Override
  public void close() {
    if (owned) {
      executor.shutdownNow();
    }
  }
}
