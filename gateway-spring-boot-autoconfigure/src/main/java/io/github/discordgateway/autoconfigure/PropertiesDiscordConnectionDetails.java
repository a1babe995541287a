package io.github.discordgateway.autoconfigure;

import java.net.URI;

/** Adapts {@link DiscordGatewayProperties} to {@link DiscordConnectionDetails}. */
final class PropertiesDiscordConnectionDetails implements DiscordConnectionDetails {

  private final DiscordGatewayProperties properties;

  PropertiesDiscordConnectionDetails(DiscordGatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  public URI gatewayUrl() {
    return properties.getUrl();
  }

  @Override
  public URI apiUrl() {
    URI apiUrl = properties.getApiUrl();
    return apiUrl != null ? apiUrl : DEFAULT_API_URL;
  }

  @Override
  public String token() {
    return properties.getToken();
  }

  @Override
  public String toString() {
    return "PropertiesDiscordConnectionDetails[gatewayUrl="
        + gatewayUrl()
        + ", apiUrl="
        + apiUrl()
        + ", token="
        + (token() == null ? "null" : "<redacted>")
        + "]";
  }
}
