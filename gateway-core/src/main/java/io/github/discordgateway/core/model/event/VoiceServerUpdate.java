package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code VOICE_SERVER_UPDATE}: voice server to connect to, sent on connect and on fail-over. {@link
 * #toString()} redacts the voice {@link #token()}.
 *
 * @param token voice connection token
 * @param endpoint voice server host; {@code null} means the server went away: disconnect and wait
 *     for the next update
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoiceServerUpdate(String token, @Snowflake long guildId, String endpoint) {

  @Override
  public String toString() {
    return "VoiceServerUpdate[token=<redacted>, guildId="
        + Long.toUnsignedString(guildId)
        + ", endpoint="
        + endpoint
        + "]";
  }
}
