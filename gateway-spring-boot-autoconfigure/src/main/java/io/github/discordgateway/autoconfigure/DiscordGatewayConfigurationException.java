package io.github.discordgateway.autoconfigure;

import java.util.Objects;

/**
 * The {@code discord.gateway.*} configuration cannot work: thrown at start-up, before anything
 * connects. A failure analyzer turns it into a report that says which property to set. Messages
 * never contain the token.
 */
public class DiscordGatewayConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the configuration. */
  public enum Kind {
    /** No bot token is configured. */
    MISSING_TOKEN,
    /** An intent name is not known. */
    UNKNOWN_INTENT,
    /** The shard total or the shard ids are invalid. */
    INVALID_SHARDS,
    /** A value is outside its allowed range or malformed. */
    INVALID_VALUE,
    /** A setting needs a library that is not on the class path. */
    MISSING_DEPENDENCY
  }

  private final Kind kind;
  private final String property;

  /**
   * Creates an exception.
   *
   * @param kind what is wrong
   * @param property the property to fix, for example {@code discord.gateway.token}
   * @param message what is wrong, without secrets
   */
  public DiscordGatewayConfigurationException(Kind kind, String property, String message) {
    this(kind, property, message, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind what is wrong
   * @param property the property to fix
   * @param message what is wrong, without secrets
   * @param cause the cause, or {@code null}
   */
  public DiscordGatewayConfigurationException(
      Kind kind, String property, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.property = Objects.requireNonNull(property, "property");
  }

  /** Returns what is wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns the property to fix. */
  public String property() {
    return property;
  }
}
