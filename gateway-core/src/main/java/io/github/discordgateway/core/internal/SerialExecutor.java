package io.github.discordgateway.core.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order they were submitted, never two at once: the one thread of
 * truth of a shard. State touched only from its tasks needs no lock.
 *
 * <p>Two modes. {@link #inline()} runs a task on the submitting thread when the executor is idle
 * (the common path has no thread hop) and queues it behind the running task otherwise; the thread
 * that runs a task also runs whatever was queued meanwhile. {@link #on(Executor)} always hands the
 * work to a backing executor, so the submitting thread never runs (and never blocks in) a task:
 * that is how frames are written without stalling a thread other shards share.
 *
 * <p>A task that throws is logged; the next one runs. A task must not wait for another task of the
 * same executor (it would wait for itself).
 */
public final class SerialExecutor implements Executor {

  private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

  private final Queue<Runnable> tasks;
  private final AtomicBoolean running = new AtomicBoolean();

  /** Tasks one borrowed thread runs before it hands the rest to the overflow executor. */
  static final int BATCH = 64;

  private final Executor backing;
  private final Executor overflow;
  private final Runnable drainTask = this::drain;

  private SerialExecutor(Executor backing, Executor overflow) {
    this(backing, overflow, new ConcurrentLinkedQueue<>());
  }

  /** For tests that need to stop a thread inside the queue's operations. */
  SerialExecutor(Executor backing, Executor overflow, Queue<Runnable> tasks) {
    this.backing = backing;
    this.overflow = overflow;
    this.tasks = tasks;
  }

  /**
   * Returns an executor that runs tasks on the submitting thread when idle.
   *
   * @return the executor
   */
  public static SerialExecutor inline() {
    return new SerialExecutor(null, null);
  }

  /**
   * Returns an executor that runs tasks on the submitting thread when idle, like {@link #inline()},
   * but never keeps a borrowed thread for long: after {@value #BATCH} tasks in a row the rest runs
   * on {@code overflow}. A shared thread (the heartbeat timer) that happens to find the executor
   * idle therefore cannot be kept busy by a flood of another thread's inputs.
   *
   * @param overflow runs what is left after a batch
   * @return the executor
   */
  public static SerialExecutor inline(Executor overflow) {
    return new SerialExecutor(null, Objects.requireNonNull(overflow, "overflow"));
  }

  /**
   * Returns an executor that runs tasks serially on {@code backing}.
   *
   * @param backing the (usually shared) executor that runs the tasks
   * @return the executor
   */
  public static SerialExecutor on(Executor backing) {
    return new SerialExecutor(Objects.requireNonNull(backing, "backing"), null);
  }

  @Override
  public void execute(Runnable task) {
    tasks.offer(Objects.requireNonNull(task, "task"));
    if (!running.get() && running.compareAndSet(false, true)) {
      start();
    }
  }

  /**
   * Claims the executor for the calling thread when it is idle, so that a hot path can run its work
   * directly without allocating a task; the caller must call {@link #exit()} afterwards (in a
   * {@code finally}). Always {@code false} for an executor {@link #on(Executor) on} a backing
   * executor, and while anything is queued: a task the caller queued earlier may be waiting in the
   * instant after another thread released the executor, and work run directly would overtake it.
   *
   * @return whether the caller holds the executor now
   */
  public boolean tryEnter() {
    return backing == null
        && tasks.isEmpty()
        && !running.get()
        && running.compareAndSet(false, true);
  }

  /** Releases the executor after {@link #tryEnter()}, first running what was queued meanwhile. */
  public void exit() {
    drain();
  }

  private void start() {
    if (backing == null) {
      drain();
      return;
    }
    try {
      backing.execute(drainTask);
    } catch (RejectedExecutionException ex) {
      // a shut-down pool must not strand the tasks (a close frame among them): run them here
      log.debug("Backing executor rejected a task; running it on the caller");
      drain();
    }
  }

  private void drain() {
    int ran = 0;
    for (; ; ) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException ex) {
          log.warn("A serial task failed", ex);
        }
        if (++ran >= BATCH && overflow != null && !tasks.isEmpty() && handOff()) {
          return;
        }
      }
      running.set(false);
      // a task queued after the last poll but before the release found the executor busy
      if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
        return;
      }
    }
  }

  /** Continues on the overflow executor, still holding the executor; false when it refused. */
  private boolean handOff() {
    try {
      overflow.execute(drainTask);
      return true;
    } catch (RejectedExecutionException ex) {
      return false;
    }
  }

  /** Returns whether no task is queued or running (a point-in-time view, for tests). */
  public boolean idle() {
    return !running.get() && tasks.isEmpty();
  }
}
