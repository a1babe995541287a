package io.github.discordgateway.core.shard;

/**
 * Hears what happens to the shards, for metrics and health: one method, one {@link ShardSignal} per
 * happening. Implementations must be fast and thread-safe: signals arrive on socket reader,
 * scheduler and delivery threads (never under a lock).
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
}
