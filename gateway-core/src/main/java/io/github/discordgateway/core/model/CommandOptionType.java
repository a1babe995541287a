package io.github.discordgateway.core.model;

/**
 * Application command option types (the {@code type} of an interaction option). Discord adds values
 * over time: {@link #of(int)} maps an unknown number to {@link #UNKNOWN} and the records keep the
 * raw number.
 */
public enum CommandOptionType {
  SUB_COMMAND(1),
  SUB_COMMAND_GROUP(2),
  STRING(3),
  INTEGER(4),
  BOOLEAN(5),
  USER(6),
  CHANNEL(7),
  ROLE(8),
  MENTIONABLE(9),
  NUMBER(10),
  ATTACHMENT(11),
  /** A value this version does not know. */
  UNKNOWN(-1);

  private final int value;

  CommandOptionType(int value) {
    this.value = value;
  }

  /** Returns the wire value ({@code -1} for {@link #UNKNOWN}). */
  public int value() {
    return value;
  }

  /** Returns the constant for a wire value, {@link #UNKNOWN} when unknown; never throws. */
  public static CommandOptionType of(int value) {
    for (CommandOptionType type : values()) {
      if (type.value == value && type != UNKNOWN) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
