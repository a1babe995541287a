package io.github.discordgateway.core.event;

/**
 * Something a shard delivers to its listeners: a dispatch from Discord or a change in the shard's
 * lifecycle. Events of one shard arrive in order (dispatches in sequence order, lifecycle events
 * where they happened between them), on a delivery thread.
 */
public sealed interface ShardEvent
    permits ShardDispatch,
        ShardConnected,
        ShardResumed,
        ShardDisconnected,
        ShardReconnecting,
        ShardFatal,
        ShardStateChanged {

  /** Returns the id of the shard this event belongs to. */
  int shardId();
}
