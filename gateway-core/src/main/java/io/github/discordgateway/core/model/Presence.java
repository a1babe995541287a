package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's presence in a guild: the payload of {@code PRESENCE_UPDATE} and the entries of {@code
 * GUILD_CREATE.presences} / {@code GUILD_MEMBERS_CHUNK.presences}.
 *
 * <p>Partial by nature: only {@code user.id} is guaranteed. An absent field reads as {@code null}
 * (or an empty list for {@link #activities()}); in this partial update that means "not sent", not
 * "cleared". The raw JSON kept by the dispatch tells an absent list from an empty one.
 *
 * @param user the user; often only {@link User#id()} is set
 * @param guildId guild; usually absent inside {@code GUILD_CREATE} and chunks
 * @param status {@code online}, {@code idle}, {@code dnd} or {@code offline}; {@code null} if
 *     absent
 * @param clientStatus per-platform status, {@code null} if absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Presence(
    User user,
    @Snowflake Long guildId,
    String status,
    List<Activity> activities,
    ClientStatus clientStatus) {

  /** Normalises absent collections to empty ones. */
  public Presence {
    activities = Lists.of(activities);
  }

  /** Returns the user's id, or {@code 0} when the payload had no user. */
  public long userId() {
    return user == null ? 0L : user.id();
  }
}
