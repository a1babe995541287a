package io.github.discordgateway.core.event;

/**
 * A shard started a new session (READY arrived).
 *
 * @param shardId the shard
 * @param guildCount the number of guilds listed in READY
 */
public record ShardConnected(int shardId, int guildCount) implements ShardEvent {}
