package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code CHANNEL_INFO}: ephemeral channel data, the reply to op 43 Request Channel Info. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelInfo(@Snowflake long guildId, List<Entry> channels) {

  /** Normalises absent collections to empty ones. */
  public ChannelInfo {
    channels = Lists.of(channels);
  }

  /**
   * Ephemeral data of one channel.
   *
   * @param status voice channel status, {@code null} if unset
   * @param voiceStartTime Unix time in <b>seconds</b> when the voice session started, {@code null}
   *     if none
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(@Snowflake long id, String status, Long voiceStartTime) {}
}
