package io.github.discordgateway.core.model;

import java.time.Instant;

/**
 * Helpers for snowflake ids. The model stores snowflakes as {@code long} holding the unsigned
 * 64-bit value; use these methods (not {@link Long#toString(long)}) to print or parse them.
 */
public final class SnowflakeIds {

  /** Milliseconds of the Discord epoch, the first second of 2015 (UTC). */
  public static final long DISCORD_EPOCH_MILLIS = 1420070400000L;

  private SnowflakeIds() {}

  /** Returns the creation time encoded in the top 42 bits of {@code id}. */
  public static Instant createdAt(long id) {
    return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MILLIS);
  }

  /** Returns the unsigned decimal form of {@code id}, as Discord writes it. */
  public static String toString(long id) {
    return Long.toUnsignedString(id);
  }

  /**
   * Parses an unsigned decimal snowflake.
   *
   * @throws NumberFormatException if {@code text} is not an unsigned 64-bit decimal number
   */
  public static long parse(String text) {
    return Long.parseUnsignedLong(text);
  }
}
