package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagePollVote(
    @Snowflake long userId,
    @Snowflake long channelId,
    @Snowflake long messageId,
    @Snowflake Long guildId,
    @OrDefault int answerId) {}
