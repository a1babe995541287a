package io.github.discordgateway.core.protocol;

import io.github.discordgateway.core.GatewayException;
import java.util.Locale;

/**
 * The {@code properties} of Identify.
 *
 * @param os the operating system, for example {@code linux}
 * @param browser the library name
 * @param device the library name
 */
public record ConnectionProperties(String os, String browser, String device) {

  /** The library name sent by {@link #defaults()}. */
  public static final String LIBRARY_NAME = "discord-gateway-java";

  /** Checks that no field is null. */
  public ConnectionProperties {
    if (os == null || browser == null || device == null) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Connection properties need os, browser and device");
    }
  }

  /** Returns properties naming this JVM's operating system and this library. */
  public static ConnectionProperties defaults() {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
    return new ConnectionProperties(os, LIBRARY_NAME, LIBRARY_NAME);
  }
}
