package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code MESSAGE_POLL_VOTE_ADD} / {@code _REMOVE}: a vote on one poll answer (multi-select polls
 * send one event per answer).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagePollVote(
    @Snowflake long userId,
    @Snowflake long channelId,
    @Snowflake long messageId,
    @Snowflake Long guildId,
    @OrDefault int answerId) {}
