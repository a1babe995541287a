package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.PartialEmoji;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code MESSAGE_REACTION_ADD}: a user reacted to a message.
 *
 * @param member the reacting member (guilds only)
 * @param emoji partial emoji; for unicode emoji its id is {@code null}
 * @param messageAuthorId author of the reacted message, {@code null} if absent
 * @param burst whether this is a super-reaction
 * @param burstColors super-reaction colours as {@code #rrggbb} (empty when absent)
 * @param type 0 NORMAL, 1 BURST
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageReactionAdd(
    @Snowflake long userId,
    @Snowflake long channelId,
    @Snowflake long messageId,
    @Snowflake Long guildId,
    Member member,
    PartialEmoji emoji,
    @Snowflake Long messageAuthorId,
    @OrDefault boolean burst,
    List<String> burstColors,
    @OrDefault int type) {

  /** Normalises absent collections to empty ones. */
  public MessageReactionAdd {
    burstColors = Lists.of(burstColors);
  }
}
