package io.github.discordgateway.test;

import java.util.Objects;

/**
 * A guild channel known to the fake gateway.
 *
 * @param id snowflake id
 * @param name channel name
 * @param type Discord channel type (0 text, 2 voice, 4 category, ...)
 */
public record FakeChannel(String id, String name, int type) {

  /** Channel type of a text channel. */
  public static final int GUILD_TEXT = 0;

  /** Channel type of a voice channel. */
  public static final int GUILD_VOICE = 2;

  /** Validates the required fields. */
  public FakeChannel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** Returns a text channel. */
  public static FakeChannel text(String id, String name) {
    return new FakeChannel(id, name, GUILD_TEXT);
  }

  /** Returns a voice channel. */
  public static FakeChannel voice(String id, String name) {
    return new FakeChannel(id, name, GUILD_VOICE);
  }
}
