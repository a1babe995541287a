package io.github.discordgateway.core.protocol;

/**
 * A command a bot may send on an open session. The record itself is the {@code d} of the payload;
 * {@link #opcode()} says where it goes. Each command validates itself on construction and throws a
 * {@link io.github.discordgateway.core.GatewayException} of kind {@code INVALID_COMMAND} when it
 * would be rejected by Discord.
 *
 * <pre>{@code
 * GatewayCommand command = RequestGuildMembers.byQuery(guildId, "ab", 10);
 * client.send(command);
 * }</pre>
 */
public sealed interface GatewayCommand
    permits UpdatePresence,
        UpdateVoiceState,
        RequestGuildMembers,
        RequestSoundboardSounds,
        RequestChannelInfo {

  /** Returns the opcode this command is sent with. */
  Opcode opcode();
}
