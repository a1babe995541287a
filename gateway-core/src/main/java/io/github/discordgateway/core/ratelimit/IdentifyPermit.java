package io.github.discordgateway.core.ratelimit;

import java.time.Instant;

/**
 * Permission to send one Identify.
 *
 * @param shardId the shard that may identify
 * @param bucket its rate-limit key ({@code shardId % maxConcurrency})
 * @param grantedAt when the permit was granted
 */
public record IdentifyPermit(int shardId, int bucket, Instant grantedAt) {}
