package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.GatewayException;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Op 31 Request Soundboard Sounds; Discord answers with one SOUNDBOARD_SOUNDS dispatch per guild.
 *
 * @param guildIds the guilds, at least one
 */
public record RequestSoundboardSounds(
    @JsonProperty("guild_ids") @JsonSerialize(contentUsing = ToStringSerializer.class)
        List<Long> guildIds)
    implements GatewayCommand {

  /** Validates the fields. */
  public RequestSoundboardSounds {
    if (guildIds == null || guildIds.isEmpty()) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Request Soundboard Sounds needs at least one guild id",
          -1,
          Opcode.REQUEST_SOUNDBOARD_SOUNDS,
          null);
    }
    guildIds = List.copyOf(guildIds);
  }

  @Override
  @JsonIgnore
  public Opcode opcode() {
    return Opcode.REQUEST_SOUNDBOARD_SOUNDS;
  }
}
