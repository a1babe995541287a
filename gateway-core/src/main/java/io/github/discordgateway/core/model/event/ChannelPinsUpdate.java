package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code CHANNEL_PINS_UPDATE}: a message was pinned or unpinned (not sent for deleted pins).
 *
 * @param guildId guild, {@code null} in DMs
 * @param lastPinTimestamp time of the newest pin, {@code null} if none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelPinsUpdate(
    @Snowflake Long guildId, @Snowflake long channelId, OffsetDateTime lastPinTimestamp) {}
