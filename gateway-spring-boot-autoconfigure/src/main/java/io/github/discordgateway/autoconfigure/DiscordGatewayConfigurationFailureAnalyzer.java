package io.github.discordgateway.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link DiscordGatewayConfigurationException}: what is wrong and which property to set.
 * Registered in {@code META-INF/spring.factories}.
 */
class DiscordGatewayConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<DiscordGatewayConfigurationException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, DiscordGatewayConfigurationException cause) {
    String message = cause.getMessage();
    String description =
        "The Discord gateway is misconfigured: " + message + (message.endsWith(".") ? "" : ".");
    String action =
        switch (cause.kind()) {
          case MISSING_TOKEN ->
              "Set the bot token from the Developer Portal in '"
                  + cause.property()
                  + "' (for example discord.gateway.token=${DISCORD_TOKEN:} and the"
                  + " DISCORD_TOKEN environment variable), or define a DiscordConnectionDetails"
                  + " bean, or switch the gateway off with discord.gateway.enabled=false.";
          case UNKNOWN_INTENT ->
              "Fix '"
                  + cause.property()
                  + "': use the intent names listed above (case-insensitive).";
          case INVALID_SHARDS ->
              "Fix '"
                  + cause.property()
                  + "': discord.gateway.shards.total is a number of at least 1 or 'auto', and"
                  + " every id in discord.gateway.shards.ids (for example 0-3 or 0,2) is below"
                  + " the total.";
          case INVALID_VALUE -> "Fix '" + cause.property() + "' as described above.";
          case MISSING_DEPENDENCY ->
              "Add the dependency "
                  + GatewayPropertiesMapper.ZSTD_DEPENDENCY
                  + " (its version is managed by gateway-bom) to the application, or set '"
                  + cause.property()
                  + "' to zlib-stream.";
        };
    return new FailureAnalysis(description, action, cause);
  }
}
