package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code TYPING_START}: a user started typing.
 *
 * @param timestamp Unix time in <b>seconds</b>; see {@link #startedAt()}
 * @param member the typing member (guilds only)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TypingStart(
    @Snowflake long channelId,
    @Snowflake Long guildId,
    @Snowflake long userId,
    @OrDefault long timestamp,
    Member member) {

  /** Returns {@link #timestamp()} as an instant. */
  public Instant startedAt() {
    return Instant.ofEpochSecond(timestamp);
  }
}
