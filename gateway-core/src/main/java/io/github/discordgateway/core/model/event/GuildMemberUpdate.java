package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.AvatarDecorationData;
import io.github.discordgateway.core.model.Collectibles;
import io.github.discordgateway.core.model.Possible;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GUILD_MEMBER_UPDATE}: a member (or their user object) changed. A partial update: an absent
 * field means "not sent", not "cleared". Optional-and-nullable fields are {@link Possible}s so that
 * absent ({@code isAbsent()}) and cleared ({@code isNull()}) stay apart; optional booleans are
 * {@code null} when absent.
 *
 * @param roles the member's role ids
 * @param avatar guild avatar hash, {@code null} if none
 * @param banner guild banner hash, {@code null} if none
 * @param joinedAt join time, {@code null} for guests
 * @param flags member flags, {@code null} when absent (the docs do not list it here)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuildMemberUpdate(
    @Snowflake long guildId,
    @SnowflakeList List<Long> roles,
    User user,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<String> nick,
    String avatar,
    String banner,
    OffsetDateTime joinedAt,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<OffsetDateTime> premiumSince,
    Boolean deaf,
    Boolean mute,
    Boolean pending,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<OffsetDateTime> communicationDisabledUntil,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<AvatarDecorationData> avatarDecorationData,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<Collectibles> collectibles,
    Integer flags) {

  /** Normalises absent collections to empty ones and {@code null} tri-states to absent. */
  public GuildMemberUpdate {
    roles = Lists.of(roles);
    nick = Lists.orElse(nick, Possible.absent());
    premiumSince = Lists.orElse(premiumSince, Possible.absent());
    communicationDisabledUntil = Lists.orElse(communicationDisabledUntil, Possible.absent());
    avatarDecorationData = Lists.orElse(avatarDecorationData, Possible.absent());
    collectibles = Lists.orElse(collectibles, Possible.absent());
  }

  /** Returns the user's id, or {@code 0} when the payload had no user. */
  public long userId() {
    return user == null ? 0L : user.id();
  }
}
