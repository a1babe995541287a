package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An auto moderation rule.
 *
 * @param eventType 1 MESSAGE_SEND, 2 MEMBER_UPDATE
 * @param triggerType 1 KEYWORD, 3 SPAM, 4 KEYWORD_PRESET, 5 MENTION_SPAM, 6 MEMBER_PROFILE
 * @param triggerMetadata trigger-specific settings as raw JSON
 * @param actions actions run when the rule triggers (empty when absent)
 * @param exemptRoles exempt role ids (empty when absent)
 * @param exemptChannels exempt channel ids (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoModerationRule(
    @Snowflake long id,
    @Snowflake long guildId,
    String name,
    @Snowflake long creatorId,
    @OrDefault int eventType,
    @OrDefault int triggerType,
    JsonNode triggerMetadata,
    List<AutoModerationAction> actions,
    @OrDefault boolean enabled,
    @SnowflakeList List<Long> exemptRoles,
    @SnowflakeList List<Long> exemptChannels) {

  /** Normalises absent collections to empty ones. */
  public AutoModerationRule {
    actions = Lists.of(actions);
    exemptRoles = Lists.of(exemptRoles);
    exemptChannels = Lists.of(exemptChannels);
  }
}
