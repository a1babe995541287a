package io.github.discordgateway.autoconfigure.redis;

import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.session.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link SessionStore} in Redis, shared by the processes of a bot: session id, resume URL and
 * sequence per shard, under {@link RedisKeys#session(int, int)}, so that a restarted process
 * resumes every shard it owns.
 *
 * <p>Nothing here blocks a shard for long: {@link #save} and {@link #remove} only update memory,
 * and a thread of this store writes to Redis (at once for a save or remove, and every {@code
 * flushInterval} for the running sequence); the first {@link #load} of a shard layout reads the
 * sessions of all its shards in one round trip, waiting at most {@code timeout}, and otherwise lets
 * the shard identify, with a warning.
 *
 * <p>The running sequence comes from {@link #checkpointListener()}: registered as the last
 * listener, it records the sequence of each event after the listeners handled it, so that after a
 * crash the shard resumes from the last written sequence and Discord replays what came after it
 * (nothing lost; events handled after the last write are handled again). On a graceful stop the
 * shards save their exact sequence and {@link #close()} writes it before returning. Without the
 * checkpoint listener only what the shards save on disconnect and on stop is written.
 *
 * <pre>{@code
 * RedisSessionStore store = new RedisSessionStore(redisTemplate, keys, Duration.ofSeconds(1),
 *     Duration.ofSeconds(2), Duration.ofHours(1));
 * ShardManager.builder(settings, transport)
 *     .sessionStore(store)
 *     .listener(event -> { handle(event); store.checkpointListener().onEvent(event); })
 *     ...;
 * }</pre>
 */
public final class RedisSessionStore implements SessionStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

  /** Time a load waits again after Redis failed, before it asks Redis again. */
  private static final long UNAVAILABLE_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Keys per MGET when the sessions of a layout are read at the first start. */
  private static final int PREFETCH_BATCH = 512;

  /** A shard's session as this process knows it. Mutable fields are guarded by the entry. */
  private static final class Entry {
    final int shardId;
    final int shardCount;
    final String sessionId;
    String resumeUrl;
    long sequence;
    boolean checkpointed; // the sequence comes from the listener (handled events)
    boolean dirty;
    long writtenAt;

    Entry(int shardId, int shardCount, String sessionId, String resumeUrl, long sequence) {
      this.shardId = shardId;
      this.shardCount = shardCount;
      this.sessionId = sessionId;
      this.resumeUrl = resumeUrl;
      this.sequence = sequence;
    }

    synchronized SessionSnapshot snapshot() {
      return new SessionSnapshot(sessionId, sequence, resumeUrl);
    }
  }

  private record Removal(int shardId, int shardCount) {}

  private final StringRedisTemplate redis;
  private final RedisKeys keys;
  private final Duration flushInterval;
  private final Duration timeout;
  private final Duration ttl;
  private final ScheduledExecutorService thread;
  private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();
  private final Map<Integer, Removal> removals = new ConcurrentHashMap<>();
  private final Set<Integer> prefetched = ConcurrentHashMap.newKeySet();
  private final GatewayEventListener checkpointListener = this::checkpoint;

  private volatile long unavailableUntil;
  private volatile boolean backingOff;
  private volatile Instant unreachableSince;
  private volatile String lastError;

  /**
   * Creates a store.
   *
   * @param redis the connection to the Redis shared by the bot's processes
   * @param keys the bot's keys
   * @param flushInterval how often the running sequences are written (at most once per interval)
   * @param timeout how long {@link #load} and {@link #close()} wait for Redis
   * @param ttl how long a stored session is kept after its last write
   */
  public RedisSessionStore(
      StringRedisTemplate redis,
      RedisKeys keys,
      Duration flushInterval,
      Duration timeout,
      Duration ttl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.flushInterval = positive(flushInterval, "flushInterval");
    this.timeout = positive(timeout, "timeout");
    this.ttl = positive(ttl, "ttl");
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, "discord-gateway-redis-sessions");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.thread = executor;
    // connect now, while the application starts, not when the first shard waits for its session
    thread.execute(this::warmUp);
    long period = flushInterval.toMillis();
    thread.scheduleWithFixedDelay(this::flushQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  private void warmUp() {
    try {
      redis.execute((RedisCallback<String>) connection -> connection.ping());
    } catch (RuntimeException ex) {
      unreachable(ex);
      log.warn(
          "Redis is unreachable for the session store ({}); shards without a stored session"
              + " identify",
          lastError);
    }
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  @Override
  public Optional<SessionSnapshot> load(int shardId, int shardCount) {
    Entry known = entries.get(shardId);
    if (known != null && known.shardCount == shardCount) {
      return Optional.of(known.snapshot());
    }
    if (prefetched.contains(shardCount)) {
      return Optional.empty();
    }
    if (backingOff && System.nanoTime() - unavailableUntil < 0) {
      // the failure that started the back-off was logged as a warning
      log.debug(
          "[shard {}/{}] session store unreachable ({}); identifying",
          shardId,
          shardCount,
          lastError);
      return Optional.empty();
    }
    try {
      // one round trip for the whole layout: the shard manager starts the shards one by one
      thread.submit(() -> prefetch(shardCount)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | RejectedExecutionException ex) {
      Throwable cause = ex instanceof ExecutionException ? ex.getCause() : ex;
      unreachable(cause);
      unavailableUntil = System.nanoTime() + UNAVAILABLE_BACKOFF_NANOS;
      backingOff = true;
      log.warn(
          "[shard {}/{}] could not read the stored sessions from Redis within {} ({}); this shard,"
              + " and the others of this process that start in the next {} s, identify",
          shardId,
          shardCount,
          timeout,
          lastError,
          TimeUnit.NANOSECONDS.toSeconds(UNAVAILABLE_BACKOFF_NANOS));
      return Optional.empty();
    }
    reachable();
    Entry loaded = entries.get(shardId);
    if (loaded != null && loaded.shardCount == shardCount) {
      return Optional.of(loaded.snapshot());
    }
    return Optional.empty();
  }

  /** Reads the stored sessions of every shard of the layout (runs on the store's thread). */
  private void prefetch(int shardCount) {
    if (prefetched.contains(shardCount)) {
      return;
    }
    int found = 0;
    for (int from = 0; from < shardCount; from += PREFETCH_BATCH) {
      List<String> batch = new ArrayList<>();
      for (int id = from; id < Math.min(shardCount, from + PREFETCH_BATCH); id++) {
        batch.add(keys.session(id, shardCount));
      }
      List<String> values = redis.opsForValue().multiGet(batch);
      for (int i = 0; values != null && i < values.size(); i++) {
        int id = from + i;
        Optional<SessionSnapshot> snapshot = decode(values.get(i), id);
        if (snapshot.isPresent() && !entries.containsKey(id) && !removals.containsKey(id)) {
          SessionSnapshot s = snapshot.get();
          Entry entry =
              new Entry(id, shardCount, s.sessionId(), s.resumeGatewayUrl(), s.sequence());
          entry.writtenAt = System.nanoTime();
          entries.putIfAbsent(id, entry);
          found++;
        }
      }
    }
    prefetched.add(shardCount);
    log.debug("Found {} stored session(s) of {} shards in Redis", found, shardCount);
  }

  @Override
  public void save(int shardId, int shardCount, SessionSnapshot snapshot) {
    if (!snapshot.resumable()) {
      remove(shardId, shardCount);
      return;
    }
    removals.remove(shardId);
    Entry entry = entries.get(shardId);
    if (entry != null
        && entry.shardCount == shardCount
        && snapshot.sessionId().equals(entry.sessionId)) {
      synchronized (entry) {
        entry.resumeUrl = snapshot.resumeGatewayUrl();
        // events handled by the listeners never run ahead of what the shard received
        if (!entry.checkpointed || snapshot.sequence() < entry.sequence) {
          entry.sequence = snapshot.sequence();
        }
        entry.dirty = true;
      }
    } else {
      Entry fresh =
          new Entry(
              shardId,
              shardCount,
              snapshot.sessionId(),
              snapshot.resumeGatewayUrl(),
              snapshot.sequence());
      fresh.dirty = true;
      entries.put(shardId, fresh);
    }
    flushSoon();
  }

  @Override
  public void remove(int shardId, int shardCount) {
    entries.remove(shardId);
    removals.put(shardId, new Removal(shardId, shardCount));
    flushSoon();
  }

  /**
   * Returns the listener that records the sequence of each handled event; register it after every
   * other listener.
   */
  public GatewayEventListener checkpointListener() {
    return checkpointListener;
  }

  /**
   * Writes every change to Redis now, waiting at most the timeout.
   *
   * @return whether everything was written
   */
  public boolean flush() {
    try {
      return thread.submit(this::flushQuietly).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException | RejectedExecutionException ex) {
      return false;
    }
  }

  /** Returns what the store last saw of Redis, for health. */
  public RedisCoordinationState state() {
    return new RedisCoordinationState(unreachableSince == null, unreachableSince, lastError);
  }

  /** Writes what is left (the exact sequences saved by a graceful stop) and stops the thread. */
  @Override
  public void close() {
    if (thread.isShutdown()) {
      return;
    }
    if (!flush()) {
      log.warn(
          "Could not write the sessions to Redis within {} ({}); the next start resumes from the"
              + " sequences written before",
          timeout,
          lastError);
    }
    thread.shutdownNow();
  }

  @Override
  public String toString() {
    return "RedisSessionStore[bot=" + keys.botId() + ", sessions=" + entries.size() + "]";
  }

  // ------------------------------------------------------------------ checkpoints

  private void checkpoint(ShardEvent event) {
    if (!(event instanceof ShardDispatch dispatch)) {
      return;
    }
    if (dispatch.eventType() == EventType.READY) {
      ready(dispatch);
      return;
    }
    Entry entry = entries.get(dispatch.shardId());
    if (entry == null) {
      return;
    }
    synchronized (entry) {
      if (dispatch.sequence() > entry.sequence || !entry.checkpointed) {
        entry.sequence = dispatch.sequence();
        entry.checkpointed = true;
        entry.dirty = true;
      }
    }
  }

  private void ready(ShardDispatch dispatch) {
    JsonNode data;
    try {
      data = dispatch.data() == null ? null : dispatch.data().tree();
    } catch (RuntimeException ex) {
      return;
    }
    if (data == null || !data.path("session_id").isString()) {
      return;
    }
    JsonNode shard = data.path("shard");
    int count = shard.isArray() && shard.size() == 2 ? shard.get(1).asInt() : 1;
    Entry entry =
        new Entry(
            dispatch.shardId(),
            count,
            data.path("session_id").asString(),
            data.path("resume_gateway_url").asString(null),
            dispatch.sequence());
    if (entry.resumeUrl == null) {
      return;
    }
    entry.checkpointed = true;
    entry.dirty = true;
    removals.remove(dispatch.shardId());
    entries.put(dispatch.shardId(), entry);
  }

  // ------------------------------------------------------------------ writing

  private void flushSoon() {
    try {
      thread.execute(this::flushQuietly);
    } catch (RejectedExecutionException ex) {
      // closed: nothing is written any more
    }
  }

  /** Runs on the store's thread; returns whether everything was written. */
  private boolean flushQuietly() {
    long now = System.nanoTime();
    long refreshAfter = ttl.toNanos() / 2;
    List<Removal> deletes = new ArrayList<>(removals.values());
    List<Entry> writes = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Entry entry : entries.values()) {
      synchronized (entry) {
        if (entry.dirty || now - entry.writtenAt >= refreshAfter) {
          writes.add(entry);
          values.add(encode(entry));
          entry.dirty = false;
        }
      }
    }
    if (deletes.isEmpty() && writes.isEmpty()) {
      return true;
    }
    try {
      Expiration expiration = Expiration.from(ttl);
      redis.executePipelined(
          (RedisCallback<Object>)
              connection -> {
                for (Removal removal : deletes) {
                  connection
                      .keyCommands()
                      .del(bytes(keys.session(removal.shardId, removal.shardCount)));
                }
                for (int i = 0; i < writes.size(); i++) {
                  Entry entry = writes.get(i);
                  connection
                      .stringCommands()
                      .set(
                          bytes(keys.session(entry.shardId, entry.shardCount)),
                          bytes(values.get(i)),
                          expiration,
                          SetOption.upsert());
                }
                return null;
              });
    } catch (RuntimeException ex) {
      for (Entry entry : writes) {
        synchronized (entry) {
          entry.dirty = true;
        }
      }
      if (unreachableSince == null) {
        log.warn(
            "Could not write {} session(s) to Redis ({}); retrying every {}",
            writes.size() + deletes.size(),
            rootMessage(ex),
            flushInterval);
      }
      unreachable(ex);
      return false;
    }
    deletes.forEach(removal -> removals.remove(removal.shardId, removal));
    for (Entry entry : writes) {
      entry.writtenAt = now;
    }
    reachable();
    return true;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(Entry entry) {
    ObjectNode node = GatewayJson.mapper().createObjectNode();
    node.put("session_id", entry.sessionId);
    node.put("seq", entry.sequence);
    node.put("resume_gateway_url", entry.resumeUrl);
    node.putArray("shard").add(entry.shardId).add(entry.shardCount);
    return node.toString();
  }

  private static Optional<SessionSnapshot> decode(String value, int shardId) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = GatewayJson.mapper().readTree(value);
      SessionSnapshot snapshot =
          new SessionSnapshot(
              node.path("session_id").asString(null),
              node.path("seq").asLong(-1),
              node.path("resume_gateway_url").asString(null));
      return snapshot.resumable() ? Optional.of(snapshot) : Optional.empty();
    } catch (RuntimeException ex) {
      log.warn("[shard {}] stored session is unreadable ({}); identifying", shardId, ex.toString());
      return Optional.empty();
    }
  }

  private void reachable() {
    Instant since = unreachableSince;
    if (since != null) {
      unreachableSince = null;
      lastError = null;
      backingOff = false;
      log.info(
          "Redis reachable again for sessions after {} s",
          Duration.between(since, Instant.now()).toSeconds());
    }
  }

  private void unreachable(Throwable ex) {
    lastError = rootMessage(ex);
    if (unreachableSince == null) {
      unreachableSince = Instant.now();
    }
  }

  private static String rootMessage(Throwable error) {
    return RedisIdentifyLimiter.rootMessage(error);
  }
}
