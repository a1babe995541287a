package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GUILD_SCHEDULED_EVENT_USER_ADD} / {@code _REMOVE}: a user subscribed to or unsubscribed
 * from a scheduled event.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuildScheduledEventUser(
    @Snowflake long guildScheduledEventId, @Snowflake long userId, @Snowflake long guildId) {}
