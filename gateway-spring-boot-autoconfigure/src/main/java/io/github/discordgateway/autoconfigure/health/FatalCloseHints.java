package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.CloseCode;

/** What an operator has to change after a fatal close, by error kind or close code. */
final class FatalCloseHints {

  private FatalCloseHints() {}

  /**
   * Returns the hint for a fatal stop.
   *
   * @param error the error that stopped the shard, may be {@code null}
   * @param closeCode the close code of the last disconnect, or -1
   * @return a sentence saying what to fix
   */
  static String hint(GatewayException error, int closeCode) {
    GatewayException.Kind kind = error != null ? error.kind() : kindOf(closeCode);
    if (kind == null) {
      return "The shard stopped for good; see the application log, fix the cause and restart.";
    }
    return switch (kind) {
      case AUTHENTICATION_FAILED ->
          "Discord rejected the bot token (4004): set discord.gateway.token to the current token"
              + " from the Developer Portal (Bot > Reset Token) and restart.";
      case INVALID_SHARD ->
          "Discord rejected the shard (4010): every id in discord.gateway.shards.ids must be below"
              + " discord.gateway.shards.total.";
      case SHARDING_REQUIRED ->
          "The bot is in too many guilds for its shard count (4011): set"
              + " discord.gateway.shards.total to auto or a larger number.";
      case INVALID_API_VERSION ->
          "Discord no longer accepts this gateway API version (4012): upgrade the library.";
      case INVALID_INTENTS ->
          "An intent is not valid (4013): check the names in discord.gateway.intents.";
      case DISALLOWED_INTENTS ->
          "A privileged intent (GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT) is not enabled"
              + " for this bot (4014): enable it in the Developer Portal (Bot > Privileged Gateway"
              + " Intents) or remove it from discord.gateway.intents.";
      default ->
          "The shard stopped for good ("
              + kind
              + "); see the application log, fix the cause and restart.";
    };
  }

  private static GatewayException.Kind kindOf(int closeCode) {
    if (closeCode < 0) {
      return null;
    }
    GatewayException mapped = GatewayException.forCloseCode(closeCode, "");
    return mapped == null || !CloseCode.isFatal(closeCode) ? null : mapped.kind();
  }
}
