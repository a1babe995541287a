package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild member. Partial in several contexts, hence the nullable fields: the {@code member} of
 * {@code MESSAGE_CREATE} has no {@link #user()}, interaction {@code resolved} members lack {@link
 * #deaf()} and {@link #mute()}.
 *
 * @param roles role ids (empty when absent)
 * @param joinedAt join time; {@code null} for guest members in voice
 * @param deaf server-deafened, {@code null} when not sent
 * @param mute server-muted, {@code null} when not sent
 * @param flags member flags bit set ({@code 0} when absent)
 * @param pending whether the member has not passed membership screening; {@code null} when not sent
 * @param permissions channel permissions as a decimal string; only inside interactions
 * @param communicationDisabledUntil timeout end; {@code null} or past means not timed out
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(
    User user,
    String nick,
    String avatar,
    String banner,
    @SnowflakeList List<Long> roles,
    OffsetDateTime joinedAt,
    OffsetDateTime premiumSince,
    Boolean deaf,
    Boolean mute,
    @OrDefault int flags,
    Boolean pending,
    String permissions,
    OffsetDateTime communicationDisabledUntil,
    AvatarDecorationData avatarDecorationData,
    Collectibles collectibles) {

  /** Normalises absent collections to empty ones. */
  public Member {
    roles = Lists.of(roles);
  }
}
