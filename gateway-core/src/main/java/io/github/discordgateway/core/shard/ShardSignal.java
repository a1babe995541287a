package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.protocol.Opcode;
import java.time.Duration;

/**
 * What a shard reports to its {@link ShardObserver}: one record per kind of happening. Metrics and
 * health read them; nothing in a signal holds the token.
 */
public sealed interface ShardSignal {

  /**
   * A WebSocket message arrived.
   *
   * @param shardId the shard
   * @param wireBytes its size on the wire (for text messages: characters)
   * @param binary whether it was a binary (compressed) message
   */
  record MessageReceived(int shardId, int wireBytes, boolean binary) implements ShardSignal {}

  /**
   * One complete gateway payload was decompressed.
   *
   * @param shardId the shard
   * @param bytes its size after decompression
   */
  record PayloadDecompressed(int shardId, int bytes) implements ShardSignal {}

  /**
   * A dispatch was decoded.
   *
   * @param shardId the shard
   * @param type the event name
   * @param payloadBytes the size of its {@code d}
   */
  record DispatchReceived(int shardId, String type, int payloadBytes) implements ShardSignal {}

  /**
   * Listeners finished with a dispatch. Delivered by {@link ShardObserver#dispatchDelivered}'s
   * default: an observer that overrides it does not receive this signal.
   *
   * @param shardId the shard
   * @param type the event name
   * @param listenerTime time spent in listeners
   * @param failed whether a listener threw
   */
  record DispatchDelivered(int shardId, String type, Duration listenerTime, boolean failed)
      implements ShardSignal {}

  /**
   * A connection was opened.
   *
   * @param shardId the shard
   */
  record ConnectionOpened(int shardId) implements ShardSignal {}

  /**
   * Hello arrived; heartbeating starts at this interval (clamped to a sane range).
   *
   * @param shardId the shard
   * @param heartbeatInterval the interval in use
   */
  record HelloReceived(int shardId, Duration heartbeatInterval) implements ShardSignal {}

  /**
   * Identify was sent: one session start used.
   *
   * @param shardId the shard
   */
  record Identified(int shardId) implements ShardSignal {}

  /**
   * Resume was sent.
   *
   * @param shardId the shard
   */
  record Resumed(int shardId) implements ShardSignal {}

  /**
   * The shard will reconnect.
   *
   * @param shardId the shard
   * @param reason a low-cardinality reason (close code, zombie, client error kind...)
   * @param resume whether it will resume
   */
  record Reconnecting(int shardId, String reason, boolean resume) implements ShardSignal {}

  /**
   * A heartbeat was acknowledged.
   *
   * @param shardId the shard
   * @param roundTrip the round trip
   */
  record HeartbeatAcknowledged(int shardId, Duration roundTrip) implements ShardSignal {}

  /**
   * A payload was handed to the connection.
   *
   * @param shardId the shard
   * @param opcode its opcode
   * @param waited time spent waiting for the rate limiter
   */
  record PayloadSent(int shardId, Opcode opcode, Duration waited) implements ShardSignal {}

  /**
   * The shard's status changed.
   *
   * @param shardId the shard
   * @param previous the old status
   * @param current the new status
   */
  record StatusChanged(int shardId, ShardStatus previous, ShardStatus current)
      implements ShardSignal {}
}
