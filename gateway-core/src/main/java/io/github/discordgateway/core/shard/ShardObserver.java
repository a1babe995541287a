package io.github.discordgateway.core.shard;

import java.time.Duration;

/**
 * Hears what happens to the shards, for metrics and health: one method, one {@link ShardSignal} per
 * happening (the listener time of each dispatch also has a primitive form, {@link
 * #dispatchDelivered}). Implementations must be fast and thread-safe: signals arrive on socket
 * reader, scheduler and delivery threads (never under a lock).
 *
 * <pre>{@code
 * ShardObserver acks = signal -> {
 *   if (signal instanceof ShardSignal.HeartbeatAcknowledged ack) {
 *     roundTrips.record(ack.roundTrip());
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ShardObserver {

  /** An observer that ignores everything. */
  ShardObserver NONE = signal -> {};

  /**
   * Receives one signal.
   *
   * @param signal what happened
   */
  void on(ShardSignal signal);

  /**
   * Receives the listener time of one dispatch, on the delivery thread, once per dispatch. The
   * default hands a {@link ShardSignal.DispatchDelivered} to {@link #on}; an observer on the hot
   * path (metrics) overrides it to take the figures without a signal object per event.
   *
   * @param shardId the shard
   * @param type the event name
   * @param listenerNanos time spent in listeners, in nanoseconds
   * @param failed whether a listener threw
   */
  default void dispatchDelivered(int shardId, String type, long listenerNanos, boolean failed) {
    on(new ShardSignal.DispatchDelivered(shardId, type, Duration.ofNanos(listenerNanos), failed));
  }
}
