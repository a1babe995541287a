package io.github.discordgateway.core.model.event;

import io.github.discordgateway.core.model.ApplicationCommandPermissions;
import io.github.discordgateway.core.model.AutoModerationRule;
import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.Entitlement;
import io.github.discordgateway.core.model.Guild;
import io.github.discordgateway.core.model.GuildScheduledEvent;
import io.github.discordgateway.core.model.Interaction;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.SoundboardSound;
import io.github.discordgateway.core.model.StageInstance;
import io.github.discordgateway.core.model.Subscription;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.VoiceState;
import io.github.discordgateway.core.protocol.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Which record the {@code d} of each dispatch event decodes into.
 *
 * <pre>{@code
 * Class<?> type = DispatchPayloads.payloadType(EventType.MESSAGE_CREATE); // MessageCreate.class
 * MessageCreate event = (MessageCreate) DispatchPayloads.decode(mapper, EventType.MESSAGE_CREATE, d);
 * }</pre>
 *
 * <p>Events whose {@code d} is a plain object reuse the object record ({@code CHANNEL_CREATE} ->
 * {@link Channel}, {@code GUILD_DELETE} -> {@link UnavailableGuild}, ...); events that share a
 * shape share a record ({@code GUILD_BAN_ADD}/{@code _REMOVE} -> {@link GuildBan}). Every {@link
 * EventType} has a mapping: the switch below is exhaustive, so a new constant fails compilation
 * until it is mapped.
 */
public final class DispatchPayloads {

  private static final Map<EventType, Class<?>> ALL;

  static {
    EnumMap<EventType, Class<?>> all = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      all.put(type, resolve(type));
    }
    ALL = Collections.unmodifiableMap(all);
  }

  private DispatchPayloads() {}

  /** Returns the record class that the {@code d} of {@code type} decodes into. */
  public static Class<?> payloadType(EventType type) {
    return ALL.get(Objects.requireNonNull(type, "type"));
  }

  /** Returns the record class for a wire event name, empty for names this version does not know. */
  public static Optional<Class<?>> payloadType(String eventName) {
    return EventType.of(eventName).map(ALL::get);
  }

  /** Returns every mapping, in {@link EventType} order. */
  public static Map<EventType, Class<?>> all() {
    return ALL;
  }

  /**
   * Decodes a dispatch's {@code d} into its record.
   *
   * @throws tools.jackson.core.JacksonException when {@code data} does not fit the record (wrong
   *     types, out-of-range snowflakes); the message names the field
   */
  public static Object decode(ObjectMapper mapper, EventType type, JsonNode data) {
    return mapper.treeToValue(data, payloadType(type));
  }

  private static Class<?> resolve(EventType type) {
    return switch (type) {
      case READY -> Ready.class;
      case RESUMED -> Resumed.class;
      case RATE_LIMITED -> RateLimited.class;
      case APPLICATION_COMMAND_PERMISSIONS_UPDATE -> ApplicationCommandPermissions.class;
      case AUTO_MODERATION_RULE_CREATE, AUTO_MODERATION_RULE_UPDATE, AUTO_MODERATION_RULE_DELETE ->
          AutoModerationRule.class;
      case AUTO_MODERATION_ACTION_EXECUTION -> AutoModerationActionExecution.class;
      case CHANNEL_CREATE, CHANNEL_UPDATE, CHANNEL_DELETE -> Channel.class;
      case CHANNEL_INFO -> ChannelInfo.class;
      case CHANNEL_PINS_UPDATE -> ChannelPinsUpdate.class;
      case THREAD_CREATE -> ThreadCreate.class;
      case THREAD_UPDATE, THREAD_DELETE -> Channel.class;
      case THREAD_LIST_SYNC -> ThreadListSync.class;
      case THREAD_MEMBER_UPDATE -> ThreadMemberUpdate.class;
      case THREAD_MEMBERS_UPDATE -> ThreadMembersUpdate.class;
      case ENTITLEMENT_CREATE, ENTITLEMENT_UPDATE, ENTITLEMENT_DELETE -> Entitlement.class;
      case GUILD_CREATE -> GuildCreate.class;
      case GUILD_UPDATE -> Guild.class;
      case GUILD_DELETE -> UnavailableGuild.class;
      case GUILD_AUDIT_LOG_ENTRY_CREATE -> GuildAuditLogEntryCreate.class;
      case GUILD_BAN_ADD, GUILD_BAN_REMOVE -> GuildBan.class;
      case GUILD_EMOJIS_UPDATE -> GuildEmojisUpdate.class;
      case GUILD_STICKERS_UPDATE -> GuildStickersUpdate.class;
      case GUILD_INTEGRATIONS_UPDATE -> GuildIntegrationsUpdate.class;
      case GUILD_MEMBER_ADD -> GuildMemberAdd.class;
      case GUILD_MEMBER_REMOVE -> GuildMemberRemove.class;
      case GUILD_MEMBER_UPDATE -> GuildMemberUpdate.class;
      case GUILD_MEMBERS_CHUNK -> GuildMembersChunk.class;
      case GUILD_ROLE_CREATE, GUILD_ROLE_UPDATE -> GuildRole.class;
      case GUILD_ROLE_DELETE -> GuildRoleDelete.class;
      case GUILD_SCHEDULED_EVENT_CREATE,
          GUILD_SCHEDULED_EVENT_UPDATE,
          GUILD_SCHEDULED_EVENT_DELETE ->
          GuildScheduledEvent.class;
      case GUILD_SCHEDULED_EVENT_USER_ADD, GUILD_SCHEDULED_EVENT_USER_REMOVE ->
          GuildScheduledEventUser.class;
      case GUILD_SOUNDBOARD_SOUND_CREATE, GUILD_SOUNDBOARD_SOUND_UPDATE -> SoundboardSound.class;
      case GUILD_SOUNDBOARD_SOUND_DELETE -> GuildSoundboardSoundDelete.class;
      case GUILD_SOUNDBOARD_SOUNDS_UPDATE, SOUNDBOARD_SOUNDS -> SoundboardSounds.class;
      case INTEGRATION_CREATE, INTEGRATION_UPDATE -> GuildIntegration.class;
      case INTEGRATION_DELETE -> IntegrationDelete.class;
      case INTERACTION_CREATE -> Interaction.class;
      case INVITE_CREATE -> InviteCreate.class;
      case INVITE_DELETE -> InviteDelete.class;
      case MESSAGE_CREATE -> MessageCreate.class;
      case MESSAGE_UPDATE -> MessageUpdate.class;
      case MESSAGE_DELETE -> MessageDelete.class;
      case MESSAGE_DELETE_BULK -> MessageDeleteBulk.class;
      case MESSAGE_REACTION_ADD -> MessageReactionAdd.class;
      case MESSAGE_REACTION_REMOVE -> MessageReactionRemove.class;
      case MESSAGE_REACTION_REMOVE_ALL -> MessageReactionRemoveAll.class;
      case MESSAGE_REACTION_REMOVE_EMOJI -> MessageReactionRemoveEmoji.class;
      case MESSAGE_POLL_VOTE_ADD, MESSAGE_POLL_VOTE_REMOVE -> MessagePollVote.class;
      case PRESENCE_UPDATE -> Presence.class;
      case STAGE_INSTANCE_CREATE, STAGE_INSTANCE_UPDATE, STAGE_INSTANCE_DELETE ->
          StageInstance.class;
      case SUBSCRIPTION_CREATE, SUBSCRIPTION_UPDATE, SUBSCRIPTION_DELETE -> Subscription.class;
      case TYPING_START -> TypingStart.class;
      case USER_UPDATE -> User.class;
      case VOICE_CHANNEL_EFFECT_SEND -> VoiceChannelEffectSend.class;
      case VOICE_CHANNEL_START_TIME_UPDATE -> VoiceChannelStartTimeUpdate.class;
      case VOICE_CHANNEL_STATUS_UPDATE -> VoiceChannelStatusUpdate.class;
      case VOICE_STATE_UPDATE -> VoiceState.class;
      case VOICE_SERVER_UPDATE -> VoiceServerUpdate.class;
      case WEBHOOKS_UPDATE -> WebhooksUpdate.class;
    };
  }
}
