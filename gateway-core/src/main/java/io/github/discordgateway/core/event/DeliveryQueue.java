package io.github.discordgateway.core.event;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, ordered hand-off from one producer (a shard's socket reader) to its listeners, run on
 * a shared executor: items are delivered one at a time, in the order offered, never concurrently,
 * on executor threads that are neither the socket reader nor the heartbeat scheduler. Many queues
 * share one executor, so the number of threads does not grow with the number of shards; each run
 * delivers at most {@code batchSize} items before yielding, so a busy shard cannot starve the
 * others.
 *
 * <p><b>Policy when listeners fall behind: nothing is dropped.</b> When {@code capacity} items are
 * waiting, the queue pauses its source through {@link FlowControl#pause()} (the shard stops reading
 * from its socket; heartbeats keep being sent, and missing ACKs are not taken for a zombie while
 * reading is paused). When the backlog falls to half the capacity, the source is resumed. {@link
 * #offer(Object)} itself never blocks and never rejects, so items already read when the pause takes
 * effect are still delivered: the backlog can exceed the capacity by the few messages in flight.
 *
 * <p>A listener that throws does not stop delivery: the error goes to the error handler with the
 * item, and the next item follows.
 *
 * @param <E> the item type
 */
public final class DeliveryQueue<E> {

  private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

  private final Executor executor;
  private final Consumer<? super E> consumer;
  private final BiConsumer<? super E, ? super Throwable> errorHandler;
  private final FlowControl flowControl;
  private final int capacity;
  private final int resumeAt;
  private final int batchSize;

  private final ConcurrentLinkedQueue<E> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object flowLock = new Object();
  private volatile boolean paused;
  private volatile long pauses;
  private final Runnable drainTask = this::drain;

  /**
   * Creates a queue.
   *
   * @param executor the shared executor that runs deliveries
   * @param consumer receives each item, in order
   * @param errorHandler receives an item whose consumer threw, with the error
   * @param flowControl pauses and resumes the source
   * @param capacity the backlog at which the source is paused (at least 1)
   * @param batchSize the most items delivered per executor task (at least 1)
   */
  public DeliveryQueue(
      Executor executor,
      Consumer<? super E> consumer,
      BiConsumer<? super E, ? super Throwable> errorHandler,
      FlowControl flowControl,
      int capacity,
      int batchSize) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    this.flowControl = Objects.requireNonNull(flowControl, "flowControl");
    if (capacity < 1 || batchSize < 1) {
      throw new IllegalArgumentException("capacity and batchSize must be at least 1");
    }
    this.capacity = capacity;
    this.resumeAt = capacity / 2;
    this.batchSize = batchSize;
  }

  /**
   * Queues {@code item} for delivery. Never blocks; pauses the source when the backlog reaches the
   * capacity.
   *
   * @param item the item
   */
  public void offer(E item) {
    enqueue(item);
    schedule();
  }

  /**
   * Queues {@code item} like {@link #offer(Object)}, but while fewer than {@code batchSize} items
   * wait it leaves starting a delivery run to the next {@link #flush()} or {@link #offer(Object)}:
   * a producer that knows more items follow at once (the rest of one socket read) saves an executor
   * task and a thread wake-up per item. The producer must call {@link #flush()} after the last of
   * them; until then they wait unless a run is already going (it delivers them too).
   *
   * @param item the item
   */
  public void offerDeferred(E item) {
    if (enqueue(item) >= batchSize) {
      schedule();
    }
  }

  /** Starts a delivery run for the items waiting, unless one is already going. Never blocks. */
  public void flush() {
    if (size.get() > 0) {
      schedule();
    }
  }

  /** Adds the item, pauses the source at the capacity, and returns the backlog. */
  private int enqueue(E item) {
    items.offer(item);
    int backlog = size.incrementAndGet();
    if (backlog >= capacity) {
      boolean pausedNow = false;
      synchronized (flowLock) {
        if (!paused && size.get() >= capacity) {
          paused = true;
          pauses++;
          pausedNow = true;
          // The drain thread may have emptied the queue between our check and the write of
          // `paused`, reading `paused` as false: nobody would resume then. Re-reading the size
          // after the (volatile) write closes that window: either we see its decrements here, or
          // it sees `paused` and resumes.
          if (size.get() <= resumeAt) {
            paused = false;
            pausedNow = false;
          }
        }
      }
      // called without the lock: the source acts on paused() as it stands when it gets to it
      if (pausedNow) {
        flowControl.pause();
      }
    }
    return backlog;
  }

  /** Returns the number of items waiting or being delivered. */
  public int size() {
    return size.get();
  }

  /** Returns whether the source is paused because of the backlog. */
  public boolean paused() {
    return paused;
  }

  /** Returns how many times the source was paused. */
  public long pauseCount() {
    return pauses;
  }

  /** Returns the backlog at which the source is paused. */
  public int capacity() {
    return capacity;
  }

  private void schedule() {
    // a plain read first: while a drain is scheduled (the common case under load) no CAS is needed
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(drainTask);
      } catch (RejectedExecutionException ex) {
        scheduled.set(false);
        log.warn("Delivery executor rejected a task; {} events wait for the next offer", size());
      }
    }
  }

  private void drain() {
    int delivered = 0;
    E item;
    while (delivered < batchSize && (item = items.poll()) != null) {
      try {
        consumer.accept(item);
      } catch (Throwable error) {
        try {
          errorHandler.accept(item, error);
        } catch (Throwable nested) {
          log.error("Delivery error handler failed", nested);
        }
      }
      delivered++;
      if (size.decrementAndGet() <= resumeAt && paused) {
        maybeResume();
      }
    }
    scheduled.set(false);
    if (!items.isEmpty()) {
      schedule();
    }
  }

  private void maybeResume() {
    boolean resumedNow = false;
    synchronized (flowLock) {
      if (paused && size.get() <= resumeAt) {
        paused = false;
        resumedNow = true;
      }
    }
    if (resumedNow) {
      flowControl.resume();
    }
  }
}
