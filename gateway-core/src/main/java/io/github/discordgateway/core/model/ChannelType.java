package io.github.discordgateway.core.model;

/**
 * Channel types (the {@code type} of a channel). Discord adds values over time: {@link #of(int)}
 * maps an unknown number to {@link #UNKNOWN} and the records keep the raw number.
 */
public enum ChannelType {
  GUILD_TEXT(0),
  DM(1),
  GUILD_VOICE(2),
  GROUP_DM(3),
  GUILD_CATEGORY(4),
  GUILD_ANNOUNCEMENT(5),
  ANNOUNCEMENT_THREAD(10),
  PUBLIC_THREAD(11),
  PRIVATE_THREAD(12),
  GUILD_STAGE_VOICE(13),
  GUILD_DIRECTORY(14),
  GUILD_FORUM(15),
  GUILD_MEDIA(16),
  /** A value this version does not know. */
  UNKNOWN(-1);

  private final int value;

  ChannelType(int value) {
    this.value = value;
  }

  /** Returns the wire value ({@code -1} for {@link #UNKNOWN}). */
  public int value() {
    return value;
  }

  /** Returns the constant for a wire value, {@link #UNKNOWN} when unknown; never throws. */
  public static ChannelType of(int value) {
    for (ChannelType type : values()) {
      if (type.value == value && type != UNKNOWN) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
