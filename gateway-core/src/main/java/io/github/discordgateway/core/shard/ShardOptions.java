package io.github.discordgateway.core.shard;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection and delivery settings shared by the shards of a manager.
 *
 * @param connectTimeout time allowed for TCP connect plus WebSocket handshake
 * @param helloTimeout time allowed between the connection opening and Hello
 * @param backoff the reconnect backoff
 * @param eventQueueCapacity events waiting per shard at which reading pauses
 * @param deliveryBatchSize events delivered per task before a shard yields its delivery thread
 * @param maxPayloadBytes largest decompressed payload accepted
 * @param stopTimeout how long a graceful stop waits for connections to close
 */
public record ShardOptions(
    Duration connectTimeout,
    Duration helloTimeout,
    BackoffPolicy backoff,
    int eventQueueCapacity,
    int deliveryBatchSize,
    int maxPayloadBytes,
    Duration stopTimeout) {

  /** Validates the options. */
  public ShardOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(helloTimeout, "helloTimeout");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (eventQueueCapacity < 2) {
      throw new IllegalArgumentException(
          "eventQueueCapacity must be at least 2, but was " + eventQueueCapacity);
    }
    if (deliveryBatchSize < 1) {
      throw new IllegalArgumentException("deliveryBatchSize must be at least 1");
    }
    if (maxPayloadBytes < 4096) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 4096");
    }
  }

  /** Returns the defaults. */
  public static ShardOptions defaults() {
    return new ShardOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(20),
        BackoffPolicy.defaults(),
        1024,
        64,
        64 * 1024 * 1024,
        Duration.ofSeconds(5));
  }

  /** Returns a copy with another backoff. */
  public ShardOptions withBackoff(BackoffPolicy backoff) {
    return new ShardOptions(
        connectTimeout,
        helloTimeout,
        backoff,
        eventQueueCapacity,
        deliveryBatchSize,
        maxPayloadBytes,
        stopTimeout);
  }

  /** Returns a copy with another event queue capacity. */
  public ShardOptions withEventQueueCapacity(int capacity) {
    return new ShardOptions(
        connectTimeout,
        helloTimeout,
        backoff,
        capacity,
        deliveryBatchSize,
        maxPayloadBytes,
        stopTimeout);
  }
}
