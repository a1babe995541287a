package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Op 4 Update Voice State: join, move between or leave voice channels.
 *
 * @param guildId the guild
 * @param channelId the voice channel to join, or {@code null} to disconnect
 * @param selfMute whether the bot is muted
 * @param selfDeaf whether the bot is deafened
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UpdateVoiceState(
    @JsonProperty("guild_id") @JsonSerialize(using = ToStringSerializer.class) long guildId,
    @JsonProperty("channel_id") @JsonSerialize(using = ToStringSerializer.class) Long channelId,
    @JsonProperty("self_mute") boolean selfMute,
    @JsonProperty("self_deaf") boolean selfDeaf)
    implements GatewayCommand {

  /**
   * Returns the command that leaves the voice channel of {@code guildId}.
   *
   * @param guildId the guild
   * @return the command
   */
  public static UpdateVoiceState leave(long guildId) {
    return new UpdateVoiceState(guildId, null, false, false);
  }

  @Override
  @JsonIgnore
  public Opcode opcode() {
    return Opcode.VOICE_STATE_UPDATE;
  }
}
