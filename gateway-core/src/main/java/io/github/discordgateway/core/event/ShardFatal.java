package io.github.discordgateway.core.event;

import io.github.discordgateway.core.GatewayException;

/**
 * A shard stopped for good: a fatal close code (bad token, invalid shard, disallowed intents...).
 * It will not retry; the configuration must be fixed.
 *
 * @param shardId the shard
 * @param closeCode the close code, or -1
 * @param error the typed error
 */
public record ShardFatal(int shardId, int closeCode, GatewayException error)
    implements ShardEvent {}
