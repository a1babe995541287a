package io.github.discordgateway.autoconfigure.redis;

import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Writes the exact sequences of a graceful stop while Redis is still connected: it stops right
 * after the gateway lifecycle (which closes the shards resumably) and before the Redis connection
 * factory (phase 0), once the events already received have reached the listeners (bounded by the
 * store's timeout).
 */
final class RedisSessionStoreLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RedisSessionStoreLifecycle.class);

  private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final RedisSessionStore store;
  private final ObjectProvider<ShardManager> shardManager;
  private final Duration timeout;
  private volatile boolean running;

  RedisSessionStoreLifecycle(
      RedisSessionStore store, ObjectProvider<ShardManager> shardManager, Duration timeout) {
    this.store = Objects.requireNonNull(store, "store");
    this.shardManager = shardManager;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    awaitDelivery();
    if (!store.flush()) {
      log.warn(
          "Could not write the sessions to Redis within {} ({}); the next start resumes from the"
              + " sequences written before",
          timeout,
          store.state().lastError());
    }
  }

  /** Lets the listeners handle what the shards received before their close. */
  private void awaitDelivery() {
    ShardManager manager = shardManager.getIfAvailable();
    if (manager == null) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    // bounded: the stop waits at most the store's timeout for slow listeners
    while (manager.shards().values().stream().anyMatch(shard -> shard.queuedEvents() > 0)) {
      if (System.nanoTime() - deadline >= 0) {
        log.info(
            "Listeners still had {} event(s) to handle; the stored sequences stop before them",
            manager.shards().values().stream().mapToInt(Shard::queuedEvents).sum());
        return;
      }
      LockSupport.parkNanos(DRAIN_POLL_NANOS);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Just after the gateway lifecycle ({@link SmartLifecycle#DEFAULT_PHASE}), before Redis (0). */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 1;
  }
}
