package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A channel mentioned in a crossposted message. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelMention(
    @Snowflake long id, @Snowflake long guildId, @OrDefault int type, String name) {}
