package io.github.discordgateway.core.event;

/**
 * A shard resumed its session (RESUMED arrived; the missed dispatches were delivered before it).
 *
 * @param shardId the shard
 * @param sequence the sequence number reached
 */
public record ShardResumed(int shardId, long sequence) implements ShardEvent {}
