package io.github.discordgateway.autoconfigure.redis;

import java.time.Instant;

/**
 * What a Redis coordination component last saw of Redis.
 *
 * @param reachable whether the last call succeeded
 * @param unreachableSince when calls started failing, or {@code null} while reachable
 * @param lastError the last failure (class and message, never a credential), or {@code null}
 */
public record RedisCoordinationState(
    boolean reachable, Instant unreachableSince, String lastError) {}
