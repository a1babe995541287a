package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.ThreadMember;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code THREAD_MEMBERS_UPDATE}: users were added to or removed from a thread.
 *
 * @param id the thread
 * @param memberCount approximate member count, capped at 50
 * @param addedMembers added members, each with {@code member} and {@code presence} (empty when
 *     absent)
 * @param removedMemberIds removed user ids (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadMembersUpdate(
    @Snowflake long id,
    @Snowflake long guildId,
    @OrDefault int memberCount,
    List<ThreadMember> addedMembers,
    @SnowflakeList List<Long> removedMemberIds) {

  /** Normalises absent collections to empty ones. */
  public ThreadMembersUpdate {
    addedMembers = Lists.of(addedMembers);
    removedMemberIds = Lists.of(removedMemberIds);
  }
}
