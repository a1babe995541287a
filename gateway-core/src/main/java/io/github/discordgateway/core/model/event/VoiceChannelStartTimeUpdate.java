package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code VOICE_CHANNEL_START_TIME_UPDATE}: a voice session started or ended.
 *
 * @param id the voice channel
 * @param voiceStartTime Unix time in <b>seconds</b>, {@code null} when no session is active
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoiceChannelStartTimeUpdate(
    @Snowflake long id, @Snowflake long guildId, Long voiceStartTime) {}
