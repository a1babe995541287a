package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The source of a reply, crosspost, pin or forward.
 *
 * @param type 0 DEFAULT (reply; also when absent), 1 FORWARD
 * @param channelId always present when received
 * @param failIfNotExists send-side only, {@code null} when received
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageReference(
    @OrDefault int type,
    @Snowflake Long messageId,
    @Snowflake Long channelId,
    @Snowflake Long guildId,
    Boolean failIfNotExists) {}
