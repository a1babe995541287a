package io.github.discordgateway.core.ratelimit;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process {@link IdentifyLimiter}: one identify per bucket ({@code shardId %
 * maxConcurrency}) per 5 seconds; waiters of a bucket are served in ascending shard id (then in
 * arrival order), and buckets whose waiters have lower shard ids go first. With a known {@link
 * SessionStartLimit}, each permit uses one session start and no permit is granted while none are
 * left: the limiter waits until {@code reset_after} has passed.
 *
 * <p>The next identify of a bucket waits a window after the previous grant and, once the shard
 * reports that Discord answered ({@link #identifyAnswered(int, int)}), a window after that answer:
 * an Identify that took long to reach Discord (a loaded machine, a busy I/O thread) then still
 * leaves a full window before the next one arrives.
 *
 * <p>Thread-safe; futures are completed outside the lock, on the caller's thread when a permit is
 * free at once, otherwise on the scheduler's thread.
 */
public final class LocalIdentifyLimiter implements IdentifyLimiter {

  private static final Logger log = LoggerFactory.getLogger(LocalIdentifyLimiter.class);

  /** Discord's identify window per bucket. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

  /**
   * Added to {@link #DEFAULT_WINDOW} by the two-argument constructor. A permit is granted a moment
   * before the Identify is on the wire, and that moment varies (the first send of a connection, a
   * busy I/O thread): with the bare window, two identifies of one bucket reached the fake gateway
   * less than 5 s apart and the second got op 9, costing a 1-5 s wait plus another window.
   * Measured: 16 shards with max_concurrency 4 took 26 s with the bare window (4 shards
   * invalidated) and 17.6 s with this margin (none).
   */
  public static final Duration SAFETY_MARGIN = Duration.ofMillis(250);

  /** Assumed quota window after a reset, when Discord's next reset time is unknown. */
  private static final Duration QUOTA_PERIOD = Duration.ofHours(24);

  private record Waiter(
      int shardId, int bucket, long order, CompletableFuture<IdentifyPermit> future) {}

  private static final Comparator<Waiter> ORDER =
      Comparator.comparingInt(Waiter::shardId).thenComparingLong(Waiter::order);

  private final InstantSource clock;
  private final GatewayScheduler scheduler;
  private final Duration window;
  private final Map<Integer, PriorityQueue<Waiter>> waiting = new HashMap<>();
  private final Map<Integer, Instant> lastGrant = new HashMap<>();
  private final Map<Integer, Integer> lastGrantShard = new HashMap<>();
  private final Map<Integer, Instant> lastAnswer = new HashMap<>();
  private long order;
  private int remaining = -1; // -1: unknown, no limit enforced
  private int total;
  private Instant resetAt;
  private Cancellable wakeup;
  private Instant wakeupAt;

  /**
   * Creates a limiter with Discord's 5-second window plus {@link #SAFETY_MARGIN}.
   *
   * @param clock the time source
   * @param scheduler runs delayed grants
   */
  public LocalIdentifyLimiter(InstantSource clock, GatewayScheduler scheduler) {
    this(clock, scheduler, DEFAULT_WINDOW.plus(SAFETY_MARGIN));
  }

  /**
   * Creates a limiter.
   *
   * @param clock the time source
   * @param scheduler runs delayed grants
   * @param window time between two identifies of one bucket
   */
  public LocalIdentifyLimiter(InstantSource clock, GatewayScheduler scheduler, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public CompletableFuture<IdentifyPermit> acquire(int shardId, int maxConcurrency) {
    if (shardId < 0 || maxConcurrency < 1) {
      throw new IllegalArgumentException("Need shardId >= 0 and maxConcurrency >= 1");
    }
    CompletableFuture<IdentifyPermit> future = new CompletableFuture<>();
    synchronized (this) {
      int bucket = shardId % maxConcurrency;
      waiting
          .computeIfAbsent(bucket, k -> new PriorityQueue<>(ORDER))
          .add(new Waiter(shardId, bucket, order++, future));
    }
    process();
    return future;
  }

  @Override
  public void updateSessionStartLimit(SessionStartLimit limit) {
    synchronized (this) {
      remaining = Math.max(0, limit.remaining());
      total = limit.total();
      resetAt = clock.instant().plus(limit.resetAfterDuration());
      if (remaining == 0) {
        log.warn(
            "No session starts left ({} per window); identifies wait {} until the quota resets",
            total,
            limit.resetAfterDuration());
      }
    }
    process();
  }

  @Override
  public void identifyAnswered(int shardId, int maxConcurrency) {
    if (shardId < 0 || maxConcurrency < 1) {
      return;
    }
    synchronized (this) {
      int bucket = shardId % maxConcurrency;
      // only the answer to the bucket's latest permit counts, and only once
      if (lastGrantShard.remove(bucket, shardId)) {
        lastAnswer.put(bucket, clock.instant());
      }
    }
    // An answer only moves the next grant later; the wakeup already scheduled for the bucket
    // recomputes it, so nothing is granted (or completed) here.
  }

  /** Returns the session starts left, or -1 when no quota is known. */
  public synchronized int remainingSessionStarts() {
    return remaining;
  }

  /** Returns how many shards are waiting for a permit. */
  public synchronized int waitingCount() {
    int n = 0;
    for (PriorityQueue<Waiter> queue : waiting.values()) {
      for (Waiter w : queue) {
        if (!w.future().isDone()) {
          n++;
        }
      }
    }
    return n;
  }

  private void process() {
    List<Runnable> grants = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      if (remaining == 0 && resetAt != null && !now.isBefore(resetAt)) {
        remaining = total > 0 ? total : -1;
        resetAt = resetAt.plus(QUOTA_PERIOD);
      }
      Instant nextWake = null;
      // Buckets whose best waiter has the lowest shard id go first.
      List<PriorityQueue<Waiter>> buckets = new ArrayList<>();
      for (PriorityQueue<Waiter> queue : waiting.values()) {
        while (!queue.isEmpty() && queue.peek().future().isDone()) {
          queue.poll();
        }
        if (!queue.isEmpty()) {
          buckets.add(queue);
        }
      }
      buckets.sort(Comparator.comparingInt(q -> q.peek().shardId()));
      for (PriorityQueue<Waiter> queue : buckets) {
        Waiter head = queue.peek();
        if (remaining == 0) {
          nextWake = resetAt;
          break;
        }
        Instant allowedAt = allowedAt(head.bucket(), now);
        if (!now.isBefore(allowedAt)) {
          queue.poll();
          lastGrant.put(head.bucket(), now);
          lastGrantShard.put(head.bucket(), head.shardId());
          lastAnswer.remove(head.bucket());
          if (remaining > 0) {
            remaining--;
          }
          IdentifyPermit permit = new IdentifyPermit(head.shardId(), head.bucket(), now);
          grants.add(() -> head.future().complete(permit));
          if (!queue.isEmpty()) {
            nextWake = earliest(nextWake, now.plus(window));
          }
        } else {
          nextWake = earliest(nextWake, allowedAt);
        }
      }
      waiting.values().removeIf(PriorityQueue::isEmpty);
      if (nextWake != null) {
        scheduleWakeup(now, nextWake);
      }
    }
    grants.forEach(Runnable::run);
  }

  private Instant allowedAt(int bucket, Instant now) {
    Instant last = lastGrant.get(bucket);
    Instant allowed = last == null ? now : last.plus(window);
    Instant answer = lastAnswer.get(bucket);
    if (answer != null && answer.plus(window).isAfter(allowed)) {
      allowed = answer.plus(window);
    }
    return allowed;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private void scheduleWakeup(Instant now, Instant at) {
    if (wakeup != null && wakeupAt != null && !wakeupAt.isAfter(at)) {
      return;
    }
    if (wakeup != null) {
      wakeup.cancel();
    }
    wakeupAt = at;
    wakeup =
        scheduler.schedule(
            () -> {
              synchronized (this) {
                wakeup = null;
                wakeupAt = null;
              }
              process();
            },
            Duration.between(now, at));
  }
}
