package io.github.discordgateway.core.event;

import java.time.Duration;

/**
 * A shard will open a new connection after a delay.
 *
 * @param shardId the shard
 * @param attempt the attempt number since the last stable connection (from 1)
 * @param delay the wait before connecting
 * @param resume whether it will resume (else identify)
 * @param reason why it reconnects
 */
public record ShardReconnecting(
    int shardId, int attempt, Duration delay, boolean resume, String reason)
    implements ShardEvent {}
