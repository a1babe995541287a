package io.github.discordgateway.benchmarks.e2e;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the MESSAGE_CREATE events a client mode delivers and signals when a run's target is
 * reached. Optionally records, per event, when the frame was received and when the listener ran.
 */
final class EventCounter {

  private final AtomicLong count = new AtomicLong();
  private volatile long target = Long.MAX_VALUE;
  private volatile CountDownLatch done = new CountDownLatch(1);
  private volatile long[] received;
  private volatile long[] invoked;

  /** Starts a run: counts from zero up to {@code events}. */
  void expect(long events) {
    received = null;
    invoked = null;
    done = new CountDownLatch(1);
    count.set(0);
    target = events;
  }

  /** Starts a run that also records the timestamps of each event. */
  void expectRecording(int events) {
    expect(events);
    received = new long[events];
    invoked = new long[events];
  }

  /**
   * Called by the client mode for each event.
   *
   * @param receivedNanos {@link System#nanoTime()} when the client had the event's frame decoded,
   *     or 0 when the mode does not know
   */
  void onEvent(long receivedNanos) {
    long now = System.nanoTime();
    long n = count.incrementAndGet();
    long[] r = received;
    if (r != null && n <= r.length) {
      r[(int) n - 1] = receivedNanos;
      invoked[(int) n - 1] = now;
    }
    if (n == target) {
      done.countDown();
    }
  }

  /** Waits until the target is reached. */
  boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  long count() {
    return count.get();
  }

  long[] received() {
    return received;
  }

  long[] invoked() {
    return invoked;
  }
}
