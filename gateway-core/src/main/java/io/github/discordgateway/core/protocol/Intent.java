package io.github.discordgateway.core.protocol;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Gateway intents: bit flags ORed into the {@code intents} field of Identify. Each intent switches
 * on a group of dispatch events; privileged intents must also be enabled for the application in the
 * Developer Portal (close code 4014 otherwise).
 *
 * <pre>{@code
 * long bits = Intent.toBitmask(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES)); // 513
 * Set<Intent> back = Intent.fromBitmask(bits);
 * }</pre>
 */
public enum Intent {
  /** Bit 0. */
  GUILDS(
      0,
      false,
      "CHANNEL_CREATE",
      "CHANNEL_UPDATE",
      "CHANNEL_DELETE",
      "CHANNEL_PINS_UPDATE",
      "THREAD_CREATE",
      "THREAD_UPDATE",
      "THREAD_DELETE",
      "THREAD_LIST_SYNC",
      "THREAD_MEMBER_UPDATE",
      "THREAD_MEMBERS_UPDATE",
      "GUILD_CREATE",
      "GUILD_UPDATE",
      "GUILD_DELETE",
      "GUILD_ROLE_CREATE",
      "GUILD_ROLE_UPDATE",
      "GUILD_ROLE_DELETE",
      "STAGE_INSTANCE_CREATE",
      "STAGE_INSTANCE_UPDATE",
      "STAGE_INSTANCE_DELETE",
      "VOICE_CHANNEL_START_TIME_UPDATE",
      "VOICE_CHANNEL_STATUS_UPDATE"),
  /** Bit 1, privileged. */
  GUILD_MEMBERS(
      1,
      true,
      "THREAD_MEMBERS_UPDATE",
      "GUILD_MEMBER_ADD",
      "GUILD_MEMBER_REMOVE",
      "GUILD_MEMBER_UPDATE"),
  /** Bit 2. */
  GUILD_MODERATION(2, false, "GUILD_AUDIT_LOG_ENTRY_CREATE", "GUILD_BAN_ADD", "GUILD_BAN_REMOVE"),
  /** Bit 3. */
  GUILD_EXPRESSIONS(
      3,
      false,
      "GUILD_EMOJIS_UPDATE",
      "GUILD_STICKERS_UPDATE",
      "GUILD_SOUNDBOARD_SOUND_CREATE",
      "GUILD_SOUNDBOARD_SOUND_UPDATE",
      "GUILD_SOUNDBOARD_SOUND_DELETE",
      "GUILD_SOUNDBOARD_SOUNDS_UPDATE"),
  /** Bit 4. */
  GUILD_INTEGRATIONS(
      4,
      false,
      "GUILD_INTEGRATIONS_UPDATE",
      "INTEGRATION_CREATE",
      "INTEGRATION_UPDATE",
      "INTEGRATION_DELETE"),
  /** Bit 5. */
  GUILD_WEBHOOKS(5, false, "WEBHOOKS_UPDATE"),
  /** Bit 6. */
  GUILD_INVITES(6, false, "INVITE_CREATE", "INVITE_DELETE"),
  /** Bit 7. */
  GUILD_VOICE_STATES(7, false, "VOICE_CHANNEL_EFFECT_SEND", "VOICE_STATE_UPDATE"),
  /** Bit 8, privileged. */
  GUILD_PRESENCES(8, true, "PRESENCE_UPDATE"),
  /** Bit 9. */
  GUILD_MESSAGES(
      9, false, "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"),
  /** Bit 10. */
  GUILD_MESSAGE_REACTIONS(
      10,
      false,
      "MESSAGE_REACTION_ADD",
      "MESSAGE_REACTION_REMOVE",
      "MESSAGE_REACTION_REMOVE_ALL",
      "MESSAGE_REACTION_REMOVE_EMOJI"),
  /** Bit 11. */
  GUILD_MESSAGE_TYPING(11, false, "TYPING_START"),
  /** Bit 12. */
  DIRECT_MESSAGES(
      12, false, "CHANNEL_PINS_UPDATE", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"),
  /** Bit 13. */
  DIRECT_MESSAGE_REACTIONS(
      13,
      false,
      "MESSAGE_REACTION_ADD",
      "MESSAGE_REACTION_REMOVE",
      "MESSAGE_REACTION_REMOVE_ALL",
      "MESSAGE_REACTION_REMOVE_EMOJI"),
  /** Bit 14. */
  DIRECT_MESSAGE_TYPING(14, false, "TYPING_START"),
  /** Bit 15, privileged. */
  MESSAGE_CONTENT(15, true),
  /** Bit 16. */
  GUILD_SCHEDULED_EVENTS(
      16,
      false,
      "GUILD_SCHEDULED_EVENT_CREATE",
      "GUILD_SCHEDULED_EVENT_UPDATE",
      "GUILD_SCHEDULED_EVENT_DELETE",
      "GUILD_SCHEDULED_EVENT_USER_ADD",
      "GUILD_SCHEDULED_EVENT_USER_REMOVE"),
  /** Bit 20. */
  AUTO_MODERATION_CONFIGURATION(
      20,
      false,
      "AUTO_MODERATION_RULE_CREATE",
      "AUTO_MODERATION_RULE_UPDATE",
      "AUTO_MODERATION_RULE_DELETE"),
  /** Bit 21. */
  AUTO_MODERATION_EXECUTION(21, false, "AUTO_MODERATION_ACTION_EXECUTION"),
  /** Bit 24. */
  GUILD_MESSAGE_POLLS(24, false, "MESSAGE_POLL_VOTE_ADD", "MESSAGE_POLL_VOTE_REMOVE"),
  /** Bit 25. */
  DIRECT_MESSAGE_POLLS(25, false, "MESSAGE_POLL_VOTE_ADD", "MESSAGE_POLL_VOTE_REMOVE");

  private final int bit;
  private final boolean privileged;
  private final List<String> eventNames;

  Intent(int bit, boolean privileged, String... eventNames) {
    this.bit = bit;
    this.privileged = privileged;
    this.eventNames = List.of(eventNames);
  }

  /** Returns the bit position of this intent. */
  public int bit() {
    return bit;
  }

  /** Returns the value of this intent in the bitmask ({@code 1 << bit}). */
  public long value() {
    return 1L << bit;
  }

  /** Returns whether this intent is privileged (needs to be enabled in the Developer Portal). */
  public boolean privileged() {
    return privileged;
  }

  /** Returns the dispatch event names this intent enables. */
  public List<String> eventNames() {
    return eventNames;
  }

  /** Returns the dispatch event types this intent enables. */
  public Set<EventType> events() {
    EnumSet<EventType> result = EnumSet.noneOf(EventType.class);
    for (String name : eventNames) {
      EventType.of(name).ifPresent(result::add);
    }
    return result;
  }

  /** Returns the OR of the given intents. */
  public static long toBitmask(Collection<Intent> intents) {
    long mask = 0;
    for (Intent intent : intents) {
      mask |= intent.value();
    }
    return mask;
  }

  /**
   * Returns the intents set in {@code bitmask}. Bits that name no known intent are ignored; {@link
   * #unknownBits(long)} finds them.
   */
  public static EnumSet<Intent> fromBitmask(long bitmask) {
    EnumSet<Intent> result = EnumSet.noneOf(Intent.class);
    for (Intent intent : values()) {
      if ((bitmask & intent.value()) != 0) {
        result.add(intent);
      }
    }
    return result;
  }

  /** Returns the bits of {@code bitmask} that name no known intent. */
  public static long unknownBits(long bitmask) {
    return bitmask & ~toBitmask(EnumSet.allOf(Intent.class));
  }

  /** Returns the privileged intents. */
  public static EnumSet<Intent> privilegedIntents() {
    EnumSet<Intent> result = EnumSet.noneOf(Intent.class);
    for (Intent intent : values()) {
      if (intent.privileged) {
        result.add(intent);
      }
    }
    return result;
  }

  /** Returns every intent that is not privileged. */
  public static EnumSet<Intent> nonPrivileged() {
    return EnumSet.complementOf(privilegedIntents());
  }

  /**
   * Finds an intent by name, ignoring case, dashes and surrounding blanks ({@code "guild-messages"}
   * finds {@link #GUILD_MESSAGES}).
   */
  public static Optional<Intent> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normalized = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (Intent intent : values()) {
      if (intent.name().equals(normalized)) {
        return Optional.of(intent);
      }
    }
    return Optional.empty();
  }
}
