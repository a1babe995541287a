package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A user mentioned in a message: the user object plus, in guild {@code MESSAGE_CREATE} / {@code
 * MESSAGE_UPDATE}, a partial {@code member} (without {@code user}) sent inline in the same JSON
 * object.
 *
 * @param member the mentioned user's partial member, {@code null} when not sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserMention(@JsonUnwrapped User user, Member member) {

  /** Returns the mentioned user's id. */
  public long id() {
    return user.id();
  }
}
