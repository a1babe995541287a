package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.GatewayException;
import java.util.Objects;

/**
 * An activity as a bot sends it in Update Presence: bots may only set name, type, state and url.
 *
 * @param name the activity name (for a custom status any non-blank text, e.g. "Custom Status")
 * @param type the activity type
 * @param state extra text; the shown text of a custom status
 * @param url the stream URL, only for {@link BotActivityType#STREAMING}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BotActivity(String name, BotActivityType type, String state, String url) {

  /** Validates the fields. */
  public BotActivity {
    if (name == null || name.isBlank()) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "An activity needs a non-blank name");
    }
    Objects.requireNonNull(type, "type");
    if (url != null) {
      if (type != BotActivityType.STREAMING) {
        throw new GatewayException(
            GatewayException.Kind.INVALID_COMMAND, "Only a STREAMING activity may have a url");
      }
      if (!url.startsWith("https://twitch.tv/")
          && !url.startsWith("https://www.twitch.tv/")
          && !url.startsWith("https://youtube.com/")
          && !url.startsWith("https://www.youtube.com/")) {
        throw new GatewayException(
            GatewayException.Kind.INVALID_COMMAND,
            "A streaming url must be a https://twitch.tv/ or https://youtube.com/ URL");
      }
    }
  }

  /**
   * Returns a "Playing {name}" activity.
   *
   * @param name the game
   * @return the activity
   */
  public static BotActivity playing(String name) {
    return new BotActivity(name, BotActivityType.PLAYING, null, null);
  }

  /**
   * Returns a custom status showing {@code text}.
   *
   * @param text the status text
   * @return the activity
   */
  public static BotActivity custom(String text) {
    return new BotActivity("Custom Status", BotActivityType.CUSTOM, text, null);
  }
}
