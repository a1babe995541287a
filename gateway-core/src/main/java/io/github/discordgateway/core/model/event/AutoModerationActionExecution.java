package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.AutoModerationAction;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code AUTO_MODERATION_ACTION_EXECUTION}: an auto moderation rule triggered and ran an action.
 *
 * @param ruleTriggerType trigger type of the rule
 * @param userId user whose content triggered the rule
 * @param messageId message holding the content; {@code null} if blocked or not in a message
 * @param alertSystemMessageId alert message posted, only for SEND_ALERT_MESSAGE actions
 * @param content user content (empty without MESSAGE_CONTENT)
 * @param matchedKeyword keyword that matched, {@code null} if none
 * @param matchedContent substring that matched (empty without MESSAGE_CONTENT)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoModerationActionExecution(
    @Snowflake long guildId,
    AutoModerationAction action,
    @Snowflake long ruleId,
    @OrDefault int ruleTriggerType,
    @Snowflake long userId,
    @Snowflake Long channelId,
    @Snowflake Long messageId,
    @Snowflake Long alertSystemMessageId,
    String content,
    String matchedKeyword,
    String matchedContent) {}
