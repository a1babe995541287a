package io.github.discordgateway.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Snowflake helpers for tests: plausible ids for a time, the shard a guild id routes to, and a
 * guild id that routes to a given shard.
 *
 * <pre>{@code
 * String guildOnShard1 = Snowflakes.routingTo(1, 2);
 * FakeGuild guild = FakeGuild.generated(guildOnShard1, "Second shard guild", 5);
 * assert Snowflakes.shardOf(guild.id(), 2) == 1;
 * }</pre>
 */
public final class Snowflakes {

  /** Discord's epoch, the first millisecond of 2015, in Unix milliseconds. */
  public static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;

  private static final AtomicInteger INCREMENT = new AtomicInteger();

  private Snowflakes() {}

  /**
   * Returns the snowflake for {@code time} with the given increment (its low 12 bits), as a decimal
   * string.
   */
  public static String at(Instant time, int increment) {
    long id = ((time.toEpochMilli() - DISCORD_EPOCH_MS) << 22) | (increment & 0xFFFL);
    return Long.toUnsignedString(id);
  }

  /** Returns a fresh snowflake for now (distinct from the previous 4096 calls). */
  public static String next() {
    return at(Instant.now(), INCREMENT.incrementAndGet());
  }

  /** Returns when the snowflake {@code id} was made. */
  public static Instant timestamp(String id) {
    return Instant.ofEpochMilli((Long.parseUnsignedLong(id) >>> 22) + DISCORD_EPOCH_MS);
  }

  /**
   * Returns the shard Discord routes the guild {@code id} to with {@code shardCount} shards, {@code
   * (id >> 22) % shardCount}; 0 for one shard or an id that is not a number.
   */
  public static int shardOf(String id, int shardCount) {
    if (shardCount <= 1) {
      return 0;
    }
    try {
      return (int) Long.remainderUnsigned(Long.parseUnsignedLong(id) >>> 22, shardCount);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Returns a fresh guild id (a snowflake from about now) that routes to {@code shard} of {@code
   * shardCount}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= shard < shardCount}
   */
  public static String routingTo(int shard, int shardCount) {
    if (shardCount < 1 || shard < 0 || shard >= shardCount) {
      throw new IllegalArgumentException(
          "shard " + shard + " is not one of " + shardCount + " shards");
    }
    long millis = Instant.now().toEpochMilli() - DISCORD_EPOCH_MS;
    long routed = millis - Math.floorMod(millis, shardCount) + shard;
    long id = (routed << 22) | (INCREMENT.incrementAndGet() & 0xFFFL);
    return Long.toUnsignedString(id);
  }
}
