package io.github.discordgateway.autoconfigure;

import java.net.URI;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom the application connects to Discord. The default reads {@code
 * discord.gateway.url}, {@code discord.gateway.api-url} and {@code discord.gateway.token}; define a
 * bean of this type to take them from elsewhere (a secret store, a test fake). Implementations must
 * not print the token in {@code toString()}.
 *
 * <pre>{@code
 * @Bean
 * DiscordConnectionDetails discordConnectionDetails(SecretStore secrets) {
 *   return DiscordConnectionDetails.of(null, DiscordConnectionDetails.DEFAULT_API_URL,
 *       secrets.get("discord-token"));
 * }
 * }</pre>
 */
public interface DiscordConnectionDetails extends ConnectionDetails {

  /** Discord's REST API base URL. */
  URI DEFAULT_API_URL = URI.create("https://discord.com/api/v10");

  /**
   * Returns the gateway WebSocket URL to connect to, or {@code null} to ask Discord's REST API
   * ({@code GET /gateway/bot}).
   */
  URI gatewayUrl();

  /** Returns the REST API base URL, for example {@code https://discord.com/api/v10}. */
  URI apiUrl();

  /** Returns the bot token, or {@code null} when none is configured. */
  String token();

  /**
   * Returns fixed connection details whose {@code toString()} hides the token.
   *
   * @param gatewayUrl the gateway URL, or {@code null} to discover it
   * @param apiUrl the REST API base URL
   * @param token the bot token
   * @return the details
   */
  static DiscordConnectionDetails of(URI gatewayUrl, URI apiUrl, String token) {
    return new FixedDiscordConnectionDetails(gatewayUrl, apiUrl, token);
  }
}
