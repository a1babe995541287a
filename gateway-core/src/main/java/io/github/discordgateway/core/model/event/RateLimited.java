package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code RATE_LIMITED}: a gateway command was rate limited (currently only op 8, Request Guild
 * Members).
 *
 * @param opcode opcode of the limited command
 * @param retryAfter seconds to wait before retrying
 * @param meta command-specific data (for op 8: {@code guild_id} and {@code nonce}), raw JSON
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimited(@OrDefault int opcode, @OrDefault double retryAfter, JsonNode meta) {

  /** Returns {@link #retryAfter()} as a duration (millisecond precision, rounded up). */
  public Duration retryAfterDuration() {
    return Duration.ofMillis((long) Math.ceil(Math.max(0, retryAfter) * 1000));
  }

  /** Returns {@code meta.guild_id}, empty when absent or not a snowflake. */
  public Optional<Long> guildId() {
    if (meta == null || !meta.hasNonNull("guild_id")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(meta.get("guild_id").asString()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Returns {@code meta.nonce}, empty when absent. */
  public Optional<String> nonce() {
    return meta != null && meta.hasNonNull("nonce")
        ? Optional.of(meta.get("nonce").asString())
        : Optional.empty();
  }
}
