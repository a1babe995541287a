package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild channel, DM, or thread (also used for the partial channels of {@code THREAD_DELETE} and
 * interactions). Most fields depend on the channel {@link #type()}.
 *
 * @param type raw channel type; see {@link #channelType()}
 * @param guildId guild, {@code null} when absent (channels inside {@code GUILD_CREATE} leave it
 *     out)
 * @param permissionOverwrites overwrites (empty when absent)
 * @param recipients DM recipients (empty when absent)
 * @param member the bot's thread membership, {@code null} when not sent
 * @param permissions invoking user's permissions; only in interactions
 * @param appPermissions the bot's permissions; only in interactions
 * @param flags channel flags bit set ({@code 0} when absent)
 * @param availableTags forum/media tags (empty when absent)
 * @param appliedTags tags applied to a forum/media thread (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(
    @Snowflake long id,
    @OrDefault int type,
    @Snowflake Long guildId,
    Integer position,
    List<PermissionOverwrite> permissionOverwrites,
    String name,
    String topic,
    @OrDefault boolean nsfw,
    @Snowflake Long lastMessageId,
    Integer bitrate,
    Integer userLimit,
    Integer rateLimitPerUser,
    List<User> recipients,
    String icon,
    @Snowflake Long ownerId,
    @Snowflake Long applicationId,
    Boolean managed,
    @Snowflake Long parentId,
    OffsetDateTime lastPinTimestamp,
    String rtcRegion,
    Integer videoQualityMode,
    Integer messageCount,
    Integer memberCount,
    ThreadMetadata threadMetadata,
    ThreadMember member,
    Integer defaultAutoArchiveDuration,
    String permissions,
    String appPermissions,
    @OrDefault int flags,
    Integer totalMessageSent,
    List<ForumTag> availableTags,
    @SnowflakeList List<Long> appliedTags,
    DefaultReaction defaultReactionEmoji,
    Integer defaultThreadRateLimitPerUser,
    Integer defaultSortOrder,
    Integer defaultForumLayout) {

  /** Normalises absent collections to empty ones. */
  public Channel {
    permissionOverwrites = Lists.of(permissionOverwrites);
    recipients = Lists.of(recipients);
    availableTags = Lists.of(availableTags);
    appliedTags = Lists.of(appliedTags);
  }

  /** Returns the typed channel type, {@link ChannelType#UNKNOWN} for values this version lacks. */
  public ChannelType channelType() {
    return ChannelType.of(type);
  }

  /** Returns whether this channel is a thread (announcement, public or private thread). */
  public boolean thread() {
    return type == 10 || type == 11 || type == 12;
  }
}
