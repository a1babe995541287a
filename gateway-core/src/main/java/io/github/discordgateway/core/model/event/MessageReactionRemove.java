package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
public record MessageReactionRemove(
    @Snowflake long userId,
    @Snowflake long channelId,
    @Snowflake long messageId,
    @Snowflake Long guildId,
    PartialEmoji emoji,
    @OrDefault boolean burst,
    @OrDefault int type) {}
