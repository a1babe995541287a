package io.github.discordgateway.core.model;

/**
 * Activity types (the {@code type} of an activity). Discord adds values over time: {@link #of(int)}
 * maps an unknown number to {@link #UNKNOWN} and the records keep the raw number.
 */
public enum ActivityType {
  PLAYING(0),
  STREAMING(1),
  LISTENING(2),
  WATCHING(3),
  CUSTOM(4),
  COMPETING(5),
  /** A value this version does not know. */
  UNKNOWN(-1);

  private final int value;

  ActivityType(int value) {
    this.value = value;
  }

  /** Returns the wire value ({@code -1} for {@link #UNKNOWN}). */
  public int value() {
    return value;
  }

  /** Returns the constant for a wire value, {@link #UNKNOWN} when unknown; never throws. */
  public static ActivityType of(int value) {
    for (ActivityType type : values()) {
      if (type.value == value && type != UNKNOWN) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
