package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild that is not (or no longer) available: entries of {@code READY.guilds} and the payload of
 * {@code GUILD_DELETE}.
 *
 * <p>In {@code GUILD_DELETE} the difference between an absent {@code unavailable} key and {@code
 * true} matters: {@link #outage()} means keep the cached guild and wait for a new {@code
 * GUILD_CREATE}; {@link #removed()} means the bot left or was removed.
 *
 * @param unavailable {@code null} when the key was absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnavailableGuild(@Snowflake long id, Boolean unavailable) {

  /** Returns whether the guild is unavailable because of an outage ({@code unavailable: true}). */
  public boolean outage() {
    return Boolean.TRUE.equals(unavailable);
  }

  /** Returns whether the bot left or was removed from the guild ({@code unavailable} absent). */
  public boolean removed() {
    return !outage();
  }
}
