package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.PartialEmoji;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code MESSAGE_REACTION_REMOVE_EMOJI}: all reactions of one emoji were removed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageReactionRemoveEmoji(
    @Snowflake long channelId,
    @Snowflake Long guildId,
    @Snowflake long messageId,
    PartialEmoji emoji) {}
