package io.github.discordgateway.core.shard;

/**
 * Routes guilds to shards: {@code shard_id = (guild_id >> 22) % num_shards}, in unsigned
 * arithmetic. Guild-less events (DMs, entitlements, subscriptions) arrive on shard 0 only.
 */
public final class ShardRouting {

  private ShardRouting() {}

  /**
   * Returns the shard that receives the events of {@code guildId}.
   *
   * @param guildId the guild snowflake (unsigned 64-bit)
   * @param totalShards the total shard count (at least 1)
   * @return the shard id in {@code [0, totalShards)}
   */
  public static int shardFor(long guildId, int totalShards) {
    if (totalShards < 1) {
      throw new IllegalArgumentException("totalShards must be at least 1, but was " + totalShards);
    }
    return (int) Long.remainderUnsigned(guildId >>> 22, totalShards);
  }

  /**
   * Returns the identify bucket of a shard: {@code shardId % maxConcurrency}.
   *
   * @param shardId the shard id
   * @param maxConcurrency {@code session_start_limit.max_concurrency} (at least 1)
   * @return the bucket key
   */
  public static int bucketOf(int shardId, int maxConcurrency) {
    return shardId % Math.max(1, maxConcurrency);
  }
}
