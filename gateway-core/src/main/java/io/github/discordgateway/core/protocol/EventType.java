package io.github.discordgateway.core.protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every dispatch event name ({@code t} of an op 0 payload) of Gateway v10, with the intents that
 * enable it. An event that lists several intents is sent when any one of them is set (for example
 * its guild and DM variants); an event that lists none is always sent.
 *
 * <p>Discord adds events over time: a name that is not listed here is not an error. {@link
 * #of(String)} returns an empty {@code Optional} for it and the dispatch keeps the raw name.
 */
public enum EventType {
  READY,
  RESUMED,
  RATE_LIMITED,
  APPLICATION_COMMAND_PERMISSIONS_UPDATE,
  AUTO_MODERATION_RULE_CREATE(Intent.AUTO_MODERATION_CONFIGURATION),
  AUTO_MODERATION_RULE_UPDATE(Intent.AUTO_MODERATION_CONFIGURATION),
  AUTO_MODERATION_RULE_DELETE(Intent.AUTO_MODERATION_CONFIGURATION),
  AUTO_MODERATION_ACTION_EXECUTION(Intent.AUTO_MODERATION_EXECUTION),
  CHANNEL_CREATE(Intent.GUILDS),
  CHANNEL_UPDATE(Intent.GUILDS),
  CHANNEL_DELETE(Intent.GUILDS),
  CHANNEL_INFO,
  CHANNEL_PINS_UPDATE(Intent.GUILDS, Intent.DIRECT_MESSAGES),
  THREAD_CREATE(Intent.GUILDS),
  THREAD_UPDATE(Intent.GUILDS),
  THREAD_DELETE(Intent.GUILDS),
  THREAD_LIST_SYNC(Intent.GUILDS),
  THREAD_MEMBER_UPDATE(Intent.GUILDS),
  THREAD_MEMBERS_UPDATE(Intent.GUILDS, Intent.GUILD_MEMBERS),
  ENTITLEMENT_CREATE,
  ENTITLEMENT_UPDATE,
  ENTITLEMENT_DELETE,
  GUILD_CREATE(Intent.GUILDS),
  GUILD_UPDATE(Intent.GUILDS),
  GUILD_DELETE(Intent.GUILDS),
  GUILD_AUDIT_LOG_ENTRY_CREATE(Intent.GUILD_MODERATION),
  GUILD_BAN_ADD(Intent.GUILD_MODERATION),
  GUILD_BAN_REMOVE(Intent.GUILD_MODERATION),
  GUILD_EMOJIS_UPDATE(Intent.GUILD_EXPRESSIONS),
  GUILD_STICKERS_UPDATE(Intent.GUILD_EXPRESSIONS),
  GUILD_INTEGRATIONS_UPDATE(Intent.GUILD_INTEGRATIONS),
  GUILD_MEMBER_ADD(Intent.GUILD_MEMBERS),
  GUILD_MEMBER_REMOVE(Intent.GUILD_MEMBERS),
  GUILD_MEMBER_UPDATE(Intent.GUILD_MEMBERS),
  GUILD_MEMBERS_CHUNK,
  GUILD_ROLE_CREATE(Intent.GUILDS),
  GUILD_ROLE_UPDATE(Intent.GUILDS),
  GUILD_ROLE_DELETE(Intent.GUILDS),
  GUILD_SCHEDULED_EVENT_CREATE(Intent.GUILD_SCHEDULED_EVENTS),
  GUILD_SCHEDULED_EVENT_UPDATE(Intent.GUILD_SCHEDULED_EVENTS),
  GUILD_SCHEDULED_EVENT_DELETE(Intent.GUILD_SCHEDULED_EVENTS),
  GUILD_SCHEDULED_EVENT_USER_ADD(Intent.GUILD_SCHEDULED_EVENTS),
  GUILD_SCHEDULED_EVENT_USER_REMOVE(Intent.GUILD_SCHEDULED_EVENTS),
  GUILD_SOUNDBOARD_SOUND_CREATE(Intent.GUILD_EXPRESSIONS),
  GUILD_SOUNDBOARD_SOUND_UPDATE(Intent.GUILD_EXPRESSIONS),
  GUILD_SOUNDBOARD_SOUND_DELETE(Intent.GUILD_EXPRESSIONS),
  GUILD_SOUNDBOARD_SOUNDS_UPDATE(Intent.GUILD_EXPRESSIONS),
  SOUNDBOARD_SOUNDS,
  INTEGRATION_CREATE(Intent.GUILD_INTEGRATIONS),
  INTEGRATION_UPDATE(Intent.GUILD_INTEGRATIONS),
  INTEGRATION_DELETE(Intent.GUILD_INTEGRATIONS),
  INTERACTION_CREATE,
  INVITE_CREATE(Intent.GUILD_INVITES),
  INVITE_DELETE(Intent.GUILD_INVITES),
  MESSAGE_CREATE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),
  MESSAGE_UPDATE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),
  MESSAGE_DELETE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),
  MESSAGE_DELETE_BULK(Intent.GUILD_MESSAGES),
  MESSAGE_REACTION_ADD(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),
  MESSAGE_REACTION_REMOVE(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),
  MESSAGE_REACTION_REMOVE_ALL(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),
  MESSAGE_REACTION_REMOVE_EMOJI(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),
  MESSAGE_POLL_VOTE_ADD(Intent.GUILD_MESSAGE_POLLS, Intent.DIRECT_MESSAGE_POLLS),
  MESSAGE_POLL_VOTE_REMOVE(Intent.GUILD_MESSAGE_POLLS, Intent.DIRECT_MESSAGE_POLLS),
  PRESENCE_UPDATE(Intent.GUILD_PRESENCES),
  STAGE_INSTANCE_CREATE(Intent.GUILDS),
  STAGE_INSTANCE_UPDATE(Intent.GUILDS),
  STAGE_INSTANCE_DELETE(Intent.GUILDS),
  SUBSCRIPTION_CREATE,
  SUBSCRIPTION_UPDATE,
  SUBSCRIPTION_DELETE,
  TYPING_START(Intent.GUILD_MESSAGE_TYPING, Intent.DIRECT_MESSAGE_TYPING),
  USER_UPDATE,
  VOICE_CHANNEL_EFFECT_SEND(Intent.GUILD_VOICE_STATES),
  VOICE_CHANNEL_START_TIME_UPDATE(Intent.GUILDS),
  VOICE_CHANNEL_STATUS_UPDATE(Intent.GUILDS),
  VOICE_STATE_UPDATE(Intent.GUILD_VOICE_STATES),
  VOICE_SERVER_UPDATE,
  WEBHOOKS_UPDATE(Intent.GUILD_WEBHOOKS);

  private static final Map<String, EventType> BY_NAME = new HashMap<>();

  static {
    for (EventType type : values()) {
      BY_NAME.put(type.name(), type);
    }
  }

  private final Set<Intent> intents;

  EventType(Intent... intents) {
    this.intents =
        intents.length == 0
            ? Collections.emptySet()
            : Collections.unmodifiableSet(EnumSet.of(intents[0], intents));
  }

  /** Returns the intents of which any one enables this event; empty when no intent is needed. */
  public Set<Intent> intents() {
    return intents;
  }

  /** Returns whether this event is sent whatever the intents. */
  public boolean needsNoIntent() {
    return intents.isEmpty();
  }

  /**
   * Returns whether a connection identified with {@code configured} intents receives this event.
   */
  public boolean enabledBy(Set<Intent> configured) {
    if (intents.isEmpty()) {
      return true;
    }
    for (Intent intent : intents) {
      if (configured.contains(intent)) {
        return true;
      }
    }
    return false;
  }

  /** Finds a type by its exact wire name; empty for names this version does not know. */
  public static Optional<EventType> of(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
  }
}
