package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.SessionStartLimit;
import java.time.Duration;

/**
 * Hooks for metrics: a shard reports what happens to it. Every method has an empty default;
 * implementations must be fast and thread-safe, since they run on socket reader, scheduler and
 * delivery threads.
 */
public interface ShardObserver {

  /** An observer that ignores everything. */
  ShardObserver NONE = new ShardObserver() {};

  /**
   * A WebSocket message arrived.
   *
   * @param shardId the shard
   * @param wireBytes its size on the wire (for text messages: characters)
   * @param binary whether it was a binary (compressed) message
   */
  default void messageReceived(int shardId, int wireBytes, boolean binary) {}

  /**
   * A dispatch was decoded (on the reader thread).
   *
   * @param shardId the shard
   * @param type the event name
   * @param payloadBytes the size of its {@code d}
   */
  default void dispatchReceived(int shardId, String type, int payloadBytes) {}

  /**
   * Listeners finished with a dispatch.
   *
   * @param shardId the shard
   * @param type the event name
   * @param listenerTime time spent in listeners
   * @param failed whether a listener threw
   */
  default void dispatchDelivered(int shardId, String type, Duration listenerTime, boolean failed) {}

  /**
   * A connection was opened.
   *
   * @param shardId the shard
   */
  default void connectionOpened(int shardId) {}

  /**
   * Identify was sent.
   *
   * @param shardId the shard
   */
  default void identified(int shardId) {}

  /**
   * Resume was sent.
   *
   * @param shardId the shard
   */
  default void resumed(int shardId) {}

  /**
   * The shard will reconnect.
   *
   * @param shardId the shard
   * @param reason a low-cardinality reason (close code name, zombie, connect-failed...)
   * @param resume whether it will resume
   */
  default void reconnecting(int shardId, String reason, boolean resume) {}

  /**
   * A heartbeat was acknowledged.
   *
   * @param shardId the shard
   * @param roundTrip the round trip
   */
  default void heartbeatAcknowledged(int shardId, Duration roundTrip) {}

  /**
   * A payload was written.
   *
   * @param shardId the shard
   * @param opcode its opcode
   * @param waited time spent waiting for the rate limiter
   */
  default void payloadSent(int shardId, Opcode opcode, Duration waited) {}

  /**
   * The shard's status changed.
   *
   * @param shardId the shard
   * @param previous the old status
   * @param current the new status
   */
  default void statusChanged(int shardId, ShardStatus previous, ShardStatus current) {}

  /**
   * Hello arrived on a connection; heartbeating starts at this interval. Health checks use it to
   * tell a live session from one whose heartbeats silently stopped.
   *
   * @param shardId the shard
   * @param heartbeatInterval the interval Discord asked for
   */
  default void helloReceived(int shardId, Duration heartbeatInterval) {}

  /**
   * One complete gateway payload was decompressed (for text messages: its size as received).
   *
   * @param shardId the shard
   * @param bytes its size after decompression
   */
  default void payloadDecompressed(int shardId, int bytes) {}

  /**
   * A dispatch was discarded instead of being delivered to listeners. The default delivery policy
   * never drops (it pauses reading instead); a policy that drops must report every drop here.
   *
   * @param shardId the shard
   * @param type the event name
   */
  default void eventDropped(int shardId, String type) {}

  /**
   * Discord reported the bot's session start limit ({@code GET /gateway/bot}).
   *
   * @param limit the limit as reported; {@code remaining} counts down with every Identify
   */
  default void sessionStartLimitUpdated(SessionStartLimit limit) {}
}
