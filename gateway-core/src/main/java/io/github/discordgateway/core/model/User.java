package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Discord user or bot account. Partial in some events: in {@code PRESENCE_UPDATE} only {@link
 * #id()} is guaranteed; for webhook messages the author is the webhook's id, name and avatar.
 *
 * @param discriminator the user's tag: {@code "0"} on the new username system, 4 digits for bots
 * @param globalName display name, or {@code null}
 * @param bot whether the account belongs to an OAuth2 application ({@code false} when absent)
 * @param system whether this is an official Discord system user ({@code false} when absent)
 * @param flags user flags bit set, {@code null} when not sent
 * @param publicFlags public user flags bit set, {@code null} when not sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record User(
    @Snowflake long id,
    String username,
    String discriminator,
    String globalName,
    String avatar,
    @OrDefault boolean bot,
    @OrDefault boolean system,
    Boolean mfaEnabled,
    String banner,
    Integer accentColor,
    String locale,
    Boolean verified,
    String email,
    Integer flags,
    Integer premiumType,
    Integer publicFlags,
    AvatarDecorationData avatarDecorationData,
    Collectibles collectibles,
    PrimaryGuild primaryGuild) {

  /** Returns the name shown in clients: the global name when set, else the username. */
  public String displayName() {
    return globalName != null ? globalName : username;
  }
}
