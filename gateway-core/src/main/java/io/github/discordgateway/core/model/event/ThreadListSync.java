package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.ThreadMember;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code THREAD_LIST_SYNC}: the bot gained access to channels; the active threads in them.
 *
 * @param channelIds parent channels whose threads are synced; empty means the whole guild (channels
 *     listed without threads have none left)
 * @param threads active threads the bot can see
 * @param members the bot's memberships among those threads
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadListSync(
    @Snowflake long guildId,
    @SnowflakeList List<Long> channelIds,
    List<Channel> threads,
    List<ThreadMember> members) {

  /** Normalises absent collections to empty ones. */
  public ThreadListSync {
    channelIds = Lists.of(channelIds);
    threads = Lists.of(threads);
    members = Lists.of(members);
  }

  /** Returns whether the whole guild was synced ({@code channel_ids} absent). */
  public boolean wholeGuild() {
    return channelIds.isEmpty();
  }
}
