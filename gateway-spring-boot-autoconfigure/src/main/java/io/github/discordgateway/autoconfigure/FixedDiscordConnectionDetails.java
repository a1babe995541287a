package io.github.discordgateway.autoconfigure;

import java.net.URI;
import java.util.Objects;

/** Fixed connection details; the token never appears in {@link #toString()}. */
record FixedDiscordConnectionDetails(URI gatewayUrl, URI apiUrl, String token)
    implements DiscordConnectionDetails {

  FixedDiscordConnectionDetails {
    Objects.requireNonNull(apiUrl, "apiUrl");
  }

  @Override
  public String toString() {
    return "DiscordConnectionDetails[gatewayUrl="
        + gatewayUrl
        + ", apiUrl="
        + apiUrl
        + ", token="
        + (token == null ? "null" : "<redacted>")
        + "]";
  }
}
