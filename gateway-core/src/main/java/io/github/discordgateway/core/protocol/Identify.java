package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.GatewayException;
import java.util.Objects;

/**
 * The {@code d} of op 2 Identify. {@link #toString()} never shows the token.
 *
 * @param token the bot token, without the {@code Bot } prefix
 * @param properties the connection properties
 * @param compress whether to ask for payload compression, or {@code null} to leave it out
 * @param largeThreshold 50 to 250, or {@code null} for Discord's default (50)
 * @param shard the shard, or {@code null} when not sharding
 * @param presence the initial presence, or {@code null}
 * @param intents the intents bit set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identify(
    String token,
    ConnectionProperties properties,
    Boolean compress,
    @JsonProperty("large_threshold") Integer largeThreshold,
    ShardInfo shard,
    UpdatePresence presence,
    long intents) {

  /** Lowest allowed {@code large_threshold}. */
  public static final int MIN_LARGE_THRESHOLD = 50;

  /** Highest allowed {@code large_threshold}. */
  public static final int MAX_LARGE_THRESHOLD = 250;

  /** Validates the fields. */
  public Identify {
    if (token == null || token.isBlank()) {
      throw new GatewayException(GatewayException.Kind.INVALID_COMMAND, "Identify needs a token");
    }
    Objects.requireNonNull(properties, "properties");
    if (largeThreshold != null
        && (largeThreshold < MIN_LARGE_THRESHOLD || largeThreshold > MAX_LARGE_THRESHOLD)) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "large_threshold must be between 50 and 250, got " + largeThreshold);
    }
    if (intents < 0) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "intents must not be negative, got " + intents);
    }
  }

  @Override
  public String toString() {
    return "Identify[token=<redacted>, properties="
        + properties
        + ", compress="
        + compress
        + ", largeThreshold="
        + largeThreshold
        + ", shard="
        + shard
        + ", presence="
        + presence
        + ", intents="
        + intents
        + "]";
  }
}
