package io.github.discordgateway.test;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A dispatch (op 0) to send: the event name {@code t} and the serialized {@code d}. The sequence
 * number is assigned by the session when it is sent. {@link FakeEvents} builds common ones.
 *
 * @param type event name, e.g. {@code MESSAGE_CREATE}
 * @param dataJson the {@code d} object as JSON text
 */
public record FakeDispatch(String type, String dataJson) {

  /** Validates the type and that {@code dataJson} is JSON. */
  public FakeDispatch {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dataJson, "dataJson");
    if (type.isEmpty() || !type.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
      throw new IllegalArgumentException("event type must be UPPER_SNAKE_CASE: " + type);
    }
    try {
      Json.parse(dataJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("dataJson of " + type + " is not valid JSON", e);
    }
  }

  /** Returns an event from a JSON tree. */
  public static FakeDispatch of(String type, JsonNode data) {
    return new FakeDispatch(type, Json.write(data));
  }

  /** Returns the {@code guild_id} of the data, or {@code null}. */
  public String guildId() {
    JsonNode node = Json.parse(dataJson).get("guild_id");
    return node == null || node.isNull() ? null : node.asString();
  }
}
