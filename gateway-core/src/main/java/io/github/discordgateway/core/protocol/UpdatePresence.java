package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.GatewayException;
import java.util.List;

/**
 * Op 3 Update Presence, also the {@code presence} of Identify. Discord allows 5 updates per 20 s.
 *
 * @param since Unix time in milliseconds when the client went idle, or {@code null}
 * @param activities the activities (empty for none)
 * @param status the status
 * @param afk whether the client is AFK
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UpdatePresence(
    Long since, List<BotActivity> activities, PresenceStatus status, boolean afk)
    implements GatewayCommand {

  /** Validates the fields. */
  public UpdatePresence {
    activities = activities == null ? List.of() : List.copyOf(activities);
    if (status == null) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "A presence needs a status");
    }
  }

  /**
   * Returns a presence with a status and activities, not idle and not AFK.
   *
   * @param status one of online, dnd, idle, invisible, offline
   * @param activities the activities
   * @return the presence
   */
  public static UpdatePresence of(String status, BotActivity... activities) {
    return new UpdatePresence(null, List.of(activities), PresenceStatus.of(status), false);
  }

  @Override
  @JsonIgnore
  public Opcode opcode() {
    return Opcode.PRESENCE_UPDATE;
  }
}
