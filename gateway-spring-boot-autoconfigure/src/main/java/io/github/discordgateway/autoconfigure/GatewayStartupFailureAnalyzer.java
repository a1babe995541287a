package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.GatewayException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link GatewayException} that stopped the application from starting (a token rejected
 * by {@code GET /gateway/bot}, an unreachable REST API, invalid shard ids). Registered in {@code
 * META-INF/spring.factories}.
 */
class GatewayStartupFailureAnalyzer extends AbstractFailureAnalyzer<GatewayException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, GatewayException cause) {
    String description =
        "The Discord gateway could not start (" + cause.kind() + "): " + cause.getMessage();
    String action =
        switch (cause.kind()) {
          case AUTHENTICATION_FAILED ->
              "Check discord.gateway.token: Discord rejected it. Copy the token of the bot from"
                  + " the Developer Portal (Bot page, Reset Token).";
          case CONNECTION_FAILED ->
              "Check that discord.gateway.api-url ("
                  + "https://discord.com/api/v10 by default) is reachable, or set"
                  + " discord.gateway.url and a fixed discord.gateway.shards.total so that no"
                  + " REST call is needed. Start-up retries network errors and 5xx answers for"
                  + " discord.gateway.connection.rest-max-wait (60 s by default).";
          case RATE_LIMITED ->
              "Discord rate-limits GET /gateway/bot: start again after the time named above, raise"
                  + " discord.gateway.connection.rest-max-wait, or set discord.gateway.url and a"
                  + " fixed discord.gateway.shards.total so that no REST call is needed.";
          case INVALID_SHARD, SHARDING_REQUIRED ->
              "Check discord.gateway.shards.total and discord.gateway.shards.ids.";
          case DISALLOWED_INTENTS ->
              "Enable the privileged intents in the Developer Portal (Bot page) or remove them"
                  + " from discord.gateway.intents.";
          case INVALID_INTENTS -> "Check discord.gateway.intents.";
          default -> "Check the discord.gateway.* configuration and the log above.";
        };
    return new FailureAnalysis(description, action, cause);
  }
}
