package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** The activity types a bot may set in Update Presence. */
public enum BotActivityType {
  /** "Playing {name}". */
  PLAYING(0),
  /** "Streaming {details}"; needs a Twitch or YouTube URL. */
  STREAMING(1),
  /** "Listening to {name}". */
  LISTENING(2),
  /** "Watching {name}". */
  WATCHING(3),
  /** "{emoji} {state}": a custom status. */
  CUSTOM(4),
  /** "Competing in {name}". */
  COMPETING(5);

  private final int code;

  BotActivityType(int code) {
    this.code = code;
  }

  /** Returns the numeric type sent on the wire. */
  @JsonValue
  public int code() {
    return code;
  }
}
