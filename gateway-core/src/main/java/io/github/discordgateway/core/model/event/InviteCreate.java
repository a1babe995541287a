package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code INVITE_CREATE}: an invite was created.
 *
 * @param maxAge validity in seconds (0 = forever)
 * @param maxUses maximum uses (0 = unlimited)
 * @param targetType 1 STREAM, 2 EMBEDDED_APPLICATION; {@code null} if absent
 * @param targetApplication partial embedded application as raw JSON, {@code null} if absent
 * @param temporary whether membership is temporary
 * @param expiresAt expiry, {@code null} if never
 * @param roleIds roles granted on accepting (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InviteCreate(
    @Snowflake long channelId,
    String code,
    OffsetDateTime createdAt,
    @Snowflake Long guildId,
    User inviter,
    @OrDefault int maxAge,
    @OrDefault int maxUses,
    Integer targetType,
    User targetUser,
    JsonNode targetApplication,
    @OrDefault boolean temporary,
    @OrDefault int uses,
    OffsetDateTime expiresAt,
    @SnowflakeList List<Long> roleIds) {

  /** Normalises absent collections to empty ones. */
  public InviteCreate {
    roleIds = Lists.of(roleIds);
  }
}
