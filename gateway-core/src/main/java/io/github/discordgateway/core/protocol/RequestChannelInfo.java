package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.GatewayException;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Op 43 Request Channel Info: ephemeral channel data of a guild, answered by CHANNEL_INFO.
 *
 * @param guildId the guild
 * @param fields the fields wanted, currently {@code status} and {@code voice_start_time}
 */
public record RequestChannelInfo(
    @JsonProperty("guild_id") @JsonSerialize(using = ToStringSerializer.class) long guildId,
    List<String> fields)
    implements GatewayCommand {

  /** Field name of the voice channel status. */
  public static final String STATUS = "status";

  /** Field name of the voice start time. */
  public static final String VOICE_START_TIME = "voice_start_time";

  /** Validates the fields. */
  public RequestChannelInfo {
    if (fields == null || fields.isEmpty()) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Request Channel Info needs at least one field",
          -1,
          Opcode.REQUEST_CHANNEL_INFO,
          null);
    }
    for (String field : fields) {
      if (field == null || field.isBlank()) {
        throw new GatewayException(
            GatewayException.Kind.INVALID_COMMAND,
            "Request Channel Info fields must not be blank",
            -1,
            Opcode.REQUEST_CHANNEL_INFO,
            null);
      }
    }
    fields = List.copyOf(fields);
  }

  /**
   * Requests both known fields for a guild.
   *
   * @param guildId the guild
   * @return the command
   */
  public static RequestChannelInfo all(long guildId) {
    return new RequestChannelInfo(guildId, List.of(STATUS, VOICE_START_TIME));
  }

  @Override
  @JsonIgnore
  public Opcode opcode() {
    return Opcode.REQUEST_CHANNEL_INFO;
  }
}
