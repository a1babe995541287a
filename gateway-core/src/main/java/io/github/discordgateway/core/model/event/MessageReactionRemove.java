package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.PartialEmoji;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code MESSAGE_REACTION_REMOVE}: a user removed a reaction.
 *
 * @param type 0 NORMAL, 1 BURST
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageReactionRemove(
    @Snowflake long userId,
    @Snowflake long channelId,
    @Snowflake long messageId,
    @Snowflake Long guildId,
    PartialEmoji emoji,
    @OrDefault boolean burst,
    @OrDefault int type) {}
