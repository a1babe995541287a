package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.discordgateway.core.GatewayException;
import java.util.Locale;

/** The status values of Update Presence. */
public enum PresenceStatus {
  /** Online. */
  ONLINE("online"),
  /** Do not disturb. */
  DND("dnd"),
  /** AFK / idle. */
  IDLE("idle"),
  /** Invisible, shown as offline. */
  INVISIBLE("invisible"),
  /** Offline. */
  OFFLINE("offline");

  private final String wireName;

  PresenceStatus(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the wire form, for example {@code dnd}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Finds a status by its wire name, ignoring case.
   *
   * @param value one of online, dnd, idle, invisible, offline
   * @return the status
   * @throws GatewayException of kind {@code INVALID_COMMAND} for any other value
   */
  public static PresenceStatus of(String value) {
    if (value != null) {
      String normalized = value.trim().toLowerCase(Locale.ROOT);
      for (PresenceStatus status : values()) {
        if (status.wireName.equals(normalized)) {
          return status;
        }
      }
    }
    throw new GatewayException(
        GatewayException.Kind.INVALID_COMMAND,
        "Presence status must be one of online, dnd, idle, invisible, offline; got '"
            + value
            + "'");
  }
}
