package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A live stage.
 *
 * @param privacyLevel 1 PUBLIC (deprecated), 2 GUILD_ONLY
 * @param discoverableDisabled deprecated
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageInstance(
    @Snowflake long id,
    @Snowflake long guildId,
    @Snowflake long channelId,
    String topic,
    @OrDefault int privacyLevel,
    @OrDefault boolean discoverableDisabled,
    @Snowflake Long guildScheduledEventId) {}
