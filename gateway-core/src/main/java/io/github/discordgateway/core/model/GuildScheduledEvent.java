package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A scheduled guild event.
 *
 * @param privacyLevel 2 GUILD_ONLY
 * @param status 1 SCHEDULED, 2 ACTIVE, 3 COMPLETED, 4 CANCELED
 * @param entityType 1 STAGE_INSTANCE, 2 VOICE, 3 EXTERNAL
 * @param entityMetadata {@code location} of external events, {@code null} otherwise
 * @param recurrenceRule recurrence rule as raw JSON, {@code null} if none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuildScheduledEvent(
    @Snowflake long id,
    @Snowflake long guildId,
    @Snowflake Long channelId,
    @Snowflake Long creatorId,
    String name,
    String description,
    OffsetDateTime scheduledStartTime,
    OffsetDateTime scheduledEndTime,
    @OrDefault int privacyLevel,
    @OrDefault int status,
    @OrDefault int entityType,
    @Snowflake Long entityId,
    EntityMetadata entityMetadata,
    User creator,
    Integer userCount,
    String image,
    JsonNode recurrenceRule) {

  /** Extra data of an external event. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EntityMetadata(String location) {}
}
