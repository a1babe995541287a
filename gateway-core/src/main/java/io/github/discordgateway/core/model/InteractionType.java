package io.github.discordgateway.core.model;

/**
 * Interaction types (the {@code type} of an interaction). Discord adds values over time: {@link
 * #of(int)} maps an unknown number to {@link #UNKNOWN} and the records keep the raw number.
 */
public enum InteractionType {
  PING(1),
  APPLICATION_COMMAND(2),
  MESSAGE_COMPONENT(3),
  APPLICATION_COMMAND_AUTOCOMPLETE(4),
  MODAL_SUBMIT(5),
  /** A value this version does not know. */
  UNKNOWN(-1);

  private final int value;

  InteractionType(int value) {
    this.value = value;
  }

  /** Returns the wire value ({@code -1} for {@link #UNKNOWN}). */
  public int value() {
    return value;
  }

  /** Returns the constant for a wire value, {@link #UNKNOWN} when unknown; never throws. */
  public static InteractionType of(int value) {
    for (InteractionType type : values()) {
      if (type.value == value && type != UNKNOWN) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
