package io.github.discordgateway.test;

import java.util.Objects;

/**
 * A user known to the fake gateway: the bot itself or a guild member.
 *
 * @param id snowflake id as a decimal string
 * @param username unique username
 * @param globalName display name, may be {@code null}
 * @param bot whether the user is a bot
 */
public record FakeUser(String id, String username, String globalName, boolean bot) {

  /** Validates the required fields. */
  public FakeUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
  }

  /** Returns a human (non-bot) user. */
  public static FakeUser of(String id, String username) {
    return new FakeUser(id, username, username, false);
  }
}
