package io.github.discordgateway.core.event;

import io.github.discordgateway.core.shard.ShardStatus;

/**
 * A shard moved from one status to another.
 *
 * @param shardId the shard
 * @param previous the old status
 * @param current the new status
 * @param reason why, may be empty
 */
public record ShardStateChanged(
    int shardId, ShardStatus previous, ShardStatus current, String reason) implements ShardEvent {}
