package io.github.discordgateway.core.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link GatewayScheduler} in virtual time, a test fixture (gateway-core's test jar, shared with
 * the other modules' tests and the benchmarks): nothing runs until {@link #advance(Duration)} moves
 * the clock, which then runs every due task in time order (ties in the order they were scheduled)
 * on the calling thread. Tasks scheduled while advancing run in the same call when they fall due
 * before its end. {@link #instantSource()} and {@link #clock()} read the same virtual time.
 *
 * <pre>{@code
 * ManualScheduler scheduler = new ManualScheduler();
 * scheduler.schedule(() -> fired.set(true), Duration.ofSeconds(5));
 * scheduler.advance(Duration.ofSeconds(5)); // runs it
 * }</pre>
 */
public final class ManualScheduler implements GatewayScheduler {

  /** Most tasks one advance runs before it assumes a task reschedules itself forever. */
  public static final int MAX_TASKS_PER_ADVANCE = 100_000;

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private Instant now;
  private long order;

  /** Starts at 2026-01-01T00:00:00Z. */
  public ManualScheduler() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * Starts at {@code start}.
   *
   * @param start the initial virtual time
   */
  public ManualScheduler(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  private final class Task implements Comparable<Task>, Cancellable {
    final Instant due;
    final long seq;
    final Runnable runnable;
    boolean done;

    Task(Instant due, long seq, Runnable runnable) {
      this.due = due;
      this.seq = seq;
      this.runnable = runnable;
    }

    @Override
    public int compareTo(Task other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }

    @Override
    public boolean cancel() {
      synchronized (ManualScheduler.this) {
        if (done) {
          return false;
        }
        done = true;
        queue.remove(this);
        return true;
      }
    }
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Duration d = delay == null || delay.isNegative() ? Duration.ZERO : delay;
    Task t = new Task(now.plus(d), order++, task);
    queue.add(t);
    return t;
  }

  /** Returns the virtual time. */
  public synchronized Instant now() {
    return now;
  }

  /** Returns a source of the virtual time. */
  public InstantSource instantSource() {
    return this::now;
  }

  /** Returns a UTC clock reading the virtual time. */
  public Clock clock() {
    return new VirtualClock(ZoneOffset.UTC);
  }

  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new VirtualClock(zone);
    }

    @Override
    public Instant instant() {
      return now();
    }
  }

  /**
   * Moves virtual time forward by {@code duration}, running every task that falls due.
   *
   * @param duration how far to move; not negative
   * @return the number of tasks run
   * @throws IllegalStateException when more than {@link #MAX_TASKS_PER_ADVANCE} tasks ran
   */
  public int advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Cannot move time backwards");
    }
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    int ran = 0;
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return ran;
        }
        queue.poll();
        next.done = true;
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      if (++ran > MAX_TASKS_PER_ADVANCE) {
        throw new IllegalStateException(
            "More than " + MAX_TASKS_PER_ADVANCE + " tasks in one advance: a task loops");
      }
      next.runnable.run();
    }
  }

  /**
   * Runs the tasks that are due now without moving time.
   *
   * @return the number of tasks run
   */
  public int runDue() {
    return advance(Duration.ZERO);
  }

  /** Returns how many tasks are waiting. */
  public synchronized int pendingCount() {
    return queue.size();
  }

  /** Returns the delay until the next task is due, if any is waiting. */
  public synchronized Optional<Duration> nextDelay() {
    Task next = queue.peek();
    return next == null ? Optional.empty() : Optional.of(Duration.between(now, next.due));
  }
}
