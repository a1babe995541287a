package io.github.discordgateway.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Generates plausible snowflakes and computes shard routing. */
final class Snowflakes {

  static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;

  private static final AtomicInteger INCREMENT = new AtomicInteger();

  private Snowflakes() {}

  /** Returns a snowflake for {@code time} with the given increment (low 12 bits). */
  static String at(Instant time, int increment) {
    long id = ((time.toEpochMilli() - DISCORD_EPOCH_MS) << 22) | (increment & 0xFFFL);
    return Long.toUnsignedString(id);
  }

  /** Returns a fresh snowflake for now. */
  static String next() {
    return at(Instant.now(), INCREMENT.incrementAndGet());
  }

  /** Returns {@code (id >> 22) % shardCount} with unsigned arithmetic; 0 for unparsable ids. */
  static int shardOf(String id, int shardCount) {
    if (shardCount <= 1) {
      return 0;
    }
    try {
      return (int) Long.remainderUnsigned(Long.parseUnsignedLong(id) >>> 22, shardCount);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
