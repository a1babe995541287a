package io.github.discordgateway.autoconfigure.redis;

import java.util.Objects;

/**
 * Where one bot keeps its coordination data in Redis. Every key of a bot carries the bot id as a
 * hash tag ({@code {id}}), so a Redis Cluster keeps them in one slot and a script may touch
 * several.
 *
 * <pre>{@code
 * RedisKeys keys = new RedisKeys("discord-gateway:", "1085128370007572480");
 * keys.identifyBucket(3); // discord-gateway:{1085128370007572480}:identify:3
 * }</pre>
 *
 * @param prefix prepended to every key (for example {@code discord-gateway:})
 * @param botId the bot (application) id: every process of one bot must use the same
 */
public record RedisKeys(String prefix, String botId) {

  /** Validates the parts. */
  public RedisKeys {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(botId, "botId");
    if (botId.isBlank() || botId.contains("{") || botId.contains("}")) {
      throw new IllegalArgumentException("The bot id must be non-blank and free of braces");
    }
  }

  private String base() {
    return prefix + "{" + botId + "}:";
  }

  /** Returns the key that holds the identify window of {@code bucket}. */
  public String identifyBucket(int bucket) {
    return base() + "identify:" + bucket;
  }

  /** Returns the key that counts the session starts left until Discord's reset. */
  public String sessionStarts() {
    return base() + "session-starts";
  }

  /** Returns the key that holds the session of shard {@code shardId} of {@code shardCount}. */
  public String session(int shardId, int shardCount) {
    return base() + "session:" + shardCount + ":" + shardId;
  }
}
