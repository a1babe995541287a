package io.github.discordgateway.autoconfigure.redis;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * An {@link IdentifyLimiter} shared by every process of a bot through Redis: one identify per
 * bucket ({@code shardId % maxConcurrency}) per window, and no identify while the shared count of
 * session starts is 0 before Discord's {@code reset_after}.
 *
 * <p>A permit is a key per bucket set with {@code SET ... PX window} inside a Lua script that first
 * checks the window and the session starts left, so two processes can never both take one bucket;
 * Redis's own clock decides, so the processes' clocks need not agree. A process that dies after
 * taking a permit leaves nothing behind: the key expires with the window.
 *
 * <p>Fail safe, never over-identifying: while Redis is unreachable no permit is granted (shards
 * wait; a warning says so every 30 s, and {@link #state()} reports it), and after Redis restarted
 * (every key lost) no permit is granted until it has been up for one window, since permits granted
 * before the restart may still be in their window.
 *
 * <p>Redis is called on one thread owned by this limiter, never on a thread shards share; futures
 * are completed on that thread, outside any lock.
 *
 * <pre>{@code
 * RedisIdentifyLimiter limiter =
 *     new RedisIdentifyLimiter(redisTemplate, new RedisKeys("discord-gateway:", botId));
 * ShardManager.builder(settings, transport).identifyLimiter(limiter)...;
 * }</pre>
 */
public final class RedisIdentifyLimiter implements IdentifyLimiter, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisIdentifyLimiter.class);

  /** Discord's 5 s plus the same margin as {@link LocalIdentifyLimiter#SAFETY_MARGIN}. */
  public static final Duration DEFAULT_WINDOW =
      LocalIdentifyLimiter.DEFAULT_WINDOW.plus(LocalIdentifyLimiter.SAFETY_MARGIN);

  /** Time between two tries while Redis is unreachable. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  /** Longest wait before the session start quota is read again (another process may update it). */
  static final Duration QUOTA_RECHECK = Duration.ofSeconds(30);

  private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private static final int GRANTED = 0;
  private static final int BUCKET_BUSY = 1;
  private static final int NO_SESSION_STARTS = 2;
  private static final int REDIS_WARMING_UP = 3;

  // KEYS[1] bucket, KEYS[2] session starts; ARGV[1] window ms, ARGV[2] holder
  // returns {status, wait ms}
  private static final String ACQUIRE_SCRIPT =
      """
      local window = tonumber(ARGV[1])
      local info = redis.call('INFO', 'server')
      local uptime = tonumber(string.match(info, 'uptime_in_seconds:(%d+)')) or 0
      -- uptime counts wall-clock second boundaries: one more second makes it a lower bound
      local guard = math.ceil(window / 1000) + 1
      if uptime < guard then
        return {3, (guard - uptime) * 1000}
      end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl > 0 then
        return {1, ttl}
      end
      if ttl == -1 then
        redis.call('PEXPIRE', KEYS[1], window)
        return {1, window}
      end
      local remaining = redis.call('GET', KEYS[2])
      if remaining and tonumber(remaining) <= 0 then
        local reset = redis.call('PTTL', KEYS[2])
        if reset < 0 then
          redis.call('DEL', KEYS[2])
          reset = 0
        end
        return {2, reset}
      end
      redis.call('SET', KEYS[1], ARGV[2], 'PX', window)
      if remaining then
        redis.call('DECR', KEYS[2])
      end
      return {0, 0}
      """;

  // KEYS[1] session starts; ARGV[1] remaining, ARGV[2] reset_after ms
  private static final String QUOTA_SCRIPT =
      """
      redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(1, tonumber(ARGV[2])))
      return 1
      """;

  // KEYS[1] bucket; ARGV[1] holder of the permit, ARGV[2] window ms: the window restarts at the
  // answer, once, and only while the bucket still holds this shard's permit
  private static final String ANSWERED_SCRIPT =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[1] .. ' answered', 'PX', ARGV[2])
        return 1
      end
      return 0
      """;

  private static final RedisScript<Long> ANSWERED =
      new DefaultRedisScript<>(ANSWERED_SCRIPT, Long.class);

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ACQUIRE =
      new DefaultRedisScript<>(ACQUIRE_SCRIPT, List.class);

  private static final RedisScript<Long> QUOTA = new DefaultRedisScript<>(QUOTA_SCRIPT, Long.class);

  private static final Comparator<Waiter> ORDER =
      Comparator.comparingInt((Waiter w) -> w.shardId).thenComparingLong(w -> w.order);

  /** A shard waiting for its turn. */
  private static final class Waiter {
    final int shardId;
    final int bucket;
    final long order;
    final long since = System.nanoTime();
    final CompletableFuture<IdentifyPermit> future = new CompletableFuture<>();
    boolean waited; // touched on the limiter's thread only

    Waiter(int shardId, int bucket, long order) {
      this.shardId = shardId;
      this.bucket = bucket;
      this.order = order;
    }
  }

  private final StringRedisTemplate redis;
  private final RedisKeys keys;
  private final Duration window;
  private final String holder;
  private final ScheduledExecutorService thread;

  // guarded by this
  private final Map<Integer, PriorityQueue<Waiter>> waiting = new HashMap<>();
  private long order;

  // confined to the limiter's thread
  private final Map<Integer, Long> notBefore = new HashMap<>();
  private ScheduledFuture<?> wakeup;
  private long wakeupAt;
  private long lastUnreachableWarn;
  private boolean quotaWarned;
  private boolean warmupLogged;

  private final AtomicLong granted = new AtomicLong();
  private final AtomicLong waited = new AtomicLong();
  private volatile Instant unreachableSince;
  private volatile String lastError;

  /**
   * Creates a limiter with {@link #DEFAULT_WINDOW}.
   *
   * @param redis the connection to the Redis shared by the bot's processes
   * @param keys the bot's keys
   */
  public RedisIdentifyLimiter(StringRedisTemplate redis, RedisKeys keys) {
    this(redis, keys, DEFAULT_WINDOW);
  }

  /**
   * Creates a limiter.
   *
   * @param redis the connection to the Redis shared by the bot's processes
   * @param keys the bot's keys
   * @param window time between two identifies of one bucket (Discord: 5 s, plus a margin for the
   *     time until the Identify reaches Discord)
   */
  public RedisIdentifyLimiter(StringRedisTemplate redis, RedisKeys keys, Duration window) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.window = Objects.requireNonNull(window, "window");
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("The identify window must be at least 1 ms");
    }
    this.holder = ManagementFactory.getRuntimeMXBean().getName();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, "discord-gateway-redis-identify");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.thread = executor;
  }

  @Override
  public CompletableFuture<IdentifyPermit> acquire(int shardId, int maxConcurrency) {
    if (shardId < 0 || maxConcurrency < 1) {
      throw new IllegalArgumentException("Need shardId >= 0 and maxConcurrency >= 1");
    }
    Waiter waiter;
    synchronized (this) {
      int bucket = shardId % maxConcurrency;
      waiter = new Waiter(shardId, bucket, order++);
      waiting.computeIfAbsent(bucket, k -> new PriorityQueue<>(ORDER)).add(waiter);
    }
    if (!run(this::process)) {
      waiter.future.cancel(false);
    }
    return waiter.future;
  }

  @Override
  public void updateSessionStartLimit(SessionStartLimit limit) {
    long resetMillis = Math.max(1, limit.resetAfterDuration().toMillis());
    int remaining = Math.max(0, limit.remaining());
    run(
        () -> {
          try {
            redis.execute(
                QUOTA,
                List.of(keys.sessionStarts()),
                String.valueOf(remaining),
                String.valueOf(resetMillis));
            reachable();
            if (remaining == 0) {
              log.warn(
                  "No session starts left ({} per window); identifies of every process of bot {}"
                      + " wait {} until the quota resets",
                  limit.total(),
                  keys.botId(),
                  limit.resetAfterDuration());
            }
          } catch (RuntimeException ex) {
            unreachable(ex);
          }
          process();
        });
  }

  /**
   * Restarts the bucket's window when Discord answered the shard's Identify: Discord counts the
   * window from when the Identify arrived, which is after the grant, so the next identify of the
   * bucket, in any process, waits a full window after the answer. Runs on the limiter's thread.
   */
  @Override
  public void identifyAnswered(int shardId, int maxConcurrency) {
    if (shardId < 0 || maxConcurrency < 1) {
      return;
    }
    int bucket = shardId % maxConcurrency;
    run(
        () -> {
          try {
            redis.execute(
                ANSWERED,
                List.of(keys.identifyBucket(bucket)),
                holderOf(shardId),
                String.valueOf(window.toMillis()));
            reachable();
          } catch (RuntimeException ex) {
            // the grant's own window still holds; a later call reports Redis as unreachable
            log.debug(
                "Could not restart the identify window of bucket {}: {}", bucket, ex.toString());
          }
        });
  }

  private String holderOf(int shardId) {
    return holder + " shard " + shardId;
  }

  /** Returns what the limiter sees of Redis and how many shards wait, for health. */
  public RedisCoordinationState state() {
    return new RedisCoordinationState(unreachableSince == null, unreachableSince, lastError);
  }

  /** Returns the number of permits granted by this process. */
  public long grantedCount() {
    return granted.get();
  }

  /**
   * Returns the number of permits that could not be granted at once (another identify's turn, no
   * session starts left, or Redis unavailable).
   */
  public long waitedCount() {
    return waited.get();
  }

  /** Returns how many shards of this process wait for a permit now. */
  public synchronized int waitingCount() {
    int n = 0;
    for (PriorityQueue<Waiter> queue : waiting.values()) {
      for (Waiter w : queue) {
        if (!w.future.isDone()) {
          n++;
        }
      }
    }
    return n;
  }

  /** Returns the window between two identifies of one bucket. */
  public Duration window() {
    return window;
  }

  /** Stops the limiter's thread; shards still waiting see their permit cancelled. */
  @Override
  public void close() {
    thread.shutdownNow();
    List<Waiter> left = new ArrayList<>();
    synchronized (this) {
      waiting.values().forEach(left::addAll);
      waiting.clear();
    }
    left.forEach(w -> w.future.cancel(false));
  }

  @Override
  public String toString() {
    return "RedisIdentifyLimiter[bot=" + keys.botId() + ", window=" + window + "]";
  }

  // ------------------------------------------------------------------ the limiter's thread

  private boolean run(Runnable task) {
    try {
      thread.execute(task);
      return true;
    } catch (RejectedExecutionException ex) {
      return false;
    }
  }

  private void process() {
    long now = System.nanoTime();
    List<Waiter> heads = new ArrayList<>();
    synchronized (this) {
      waiting
          .values()
          .forEach(
              queue -> {
                while (!queue.isEmpty() && queue.peek().future.isDone()) {
                  queue.poll();
                }
              });
      waiting.values().removeIf(PriorityQueue::isEmpty);
      for (PriorityQueue<Waiter> queue : waiting.values()) {
        Waiter head = queue.peek();
        if (notBefore.getOrDefault(head.bucket, now) - now <= 0) {
          heads.add(head);
        }
      }
    }
    heads.sort(ORDER);
    for (Waiter head : heads) {
      if (!tryGrant(head, now)) {
        break;
      }
    }
    countWaiting();
    scheduleNext();
  }

  /** Returns false when Redis failed (the other buckets then wait for the retry too). */
  private boolean tryGrant(Waiter head, long now) {
    List<?> result;
    try {
      result =
          redis.execute(
              ACQUIRE,
              List.of(keys.identifyBucket(head.bucket), keys.sessionStarts()),
              String.valueOf(window.toMillis()),
              holderOf(head.shardId));
    } catch (RuntimeException ex) {
      unreachable(ex);
      long retryAt = now + RETRY_INTERVAL.toNanos();
      synchronized (this) {
        waiting.keySet().forEach(bucket -> notBefore.put(bucket, retryAt));
      }
      return false;
    }
    reachable();
    int status = ((Number) result.get(0)).intValue();
    long waitMillis = ((Number) result.get(1)).longValue();
    if (status == GRANTED) {
      synchronized (this) {
        PriorityQueue<Waiter> queue = waiting.get(head.bucket);
        if (queue != null) {
          queue.remove(head);
        }
      }
      notBefore.put(head.bucket, now + window.toNanos());
      quotaWarned = false;
      granted.incrementAndGet();
      IdentifyPermit permit = new IdentifyPermit(head.shardId, head.bucket, Instant.now());
      if (!head.future.complete(permit)) {
        log.debug(
            "Shard {} no longer needed the identify permit of bucket {}; its window is used",
            head.shardId,
            head.bucket);
      } else if (log.isDebugEnabled()) {
        log.debug(
            "Shard {} may identify (bucket {}, waited {} ms)",
            head.shardId,
            head.bucket,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - head.since));
      }
      return true;
    }
    long delay = TimeUnit.MILLISECONDS.toNanos(Math.max(1, waitMillis));
    if (status == NO_SESSION_STARTS) {
      if (!quotaWarned) {
        quotaWarned = true;
        log.warn(
            "No session starts left for bot {}; identifies wait {} s until Discord resets the"
                + " quota",
            keys.botId(),
            TimeUnit.MILLISECONDS.toSeconds(waitMillis));
      }
      delay = Math.min(delay, QUOTA_RECHECK.toNanos());
    } else if (status == REDIS_WARMING_UP && !warmupLogged) {
      warmupLogged = true;
      log.info(
          "Redis started less than one identify window ago (permits granted before a restart are"
              + " lost); identifies wait {} ms",
          waitMillis);
    }
    notBefore.put(head.bucket, now + delay);
    return true;
  }

  /** Counts once each shard that was not granted a permit on its first try. */
  private void countWaiting() {
    int newlyWaiting = 0;
    synchronized (this) {
      for (PriorityQueue<Waiter> queue : waiting.values()) {
        for (Waiter w : queue) {
          if (!w.waited && !w.future.isDone()) {
            w.waited = true;
            newlyWaiting++;
          }
        }
      }
    }
    waited.addAndGet(newlyWaiting);
  }

  private void scheduleNext() {
    long now = System.nanoTime();
    Long next = null;
    synchronized (this) {
      for (PriorityQueue<Waiter> queue : waiting.values()) {
        if (queue.isEmpty()) {
          continue;
        }
        long at = notBefore.getOrDefault(queue.peek().bucket, now);
        if (next == null || at - next < 0) {
          next = at;
        }
      }
    }
    if (next == null) {
      return;
    }
    // a wakeup that is due is the one running now (or about to run and schedule its own next)
    if (wakeup != null && !wakeup.isDone() && wakeupAt - now > 0) {
      if (wakeupAt - next <= 0) {
        return;
      }
      wakeup.cancel(false);
    }
    wakeupAt = next;
    try {
      wakeup = thread.schedule(this::process, Math.max(0, next - now), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException ex) {
      // closed
    }
  }

  private void reachable() {
    Instant since = unreachableSince;
    if (since != null) {
      unreachableSince = null;
      lastError = null;
      log.info(
          "Redis reachable again for identify coordination after {} s",
          Duration.between(since, Instant.now()).toSeconds());
    }
  }

  private void unreachable(RuntimeException ex) {
    long now = System.nanoTime();
    String error = rootMessage(ex);
    lastError = error;
    if (unreachableSince == null) {
      unreachableSince = Instant.now();
      lastUnreachableWarn = now;
      log.warn(
          "Redis unreachable for identify coordination ({}); {} shard(s) wait for an identify"
              + " permit rather than risk two identifies in one window; retrying every {} s",
          error,
          waitingCount(),
          RETRY_INTERVAL.toSeconds());
    } else if (now - lastUnreachableWarn >= WARN_EVERY_NANOS) {
      lastUnreachableWarn = now;
      log.warn(
          "Redis still unreachable for identify coordination after {} s ({}); {} shard(s) waiting",
          Duration.between(unreachableSince, Instant.now()).toSeconds(),
          error,
          waitingCount());
    }
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
