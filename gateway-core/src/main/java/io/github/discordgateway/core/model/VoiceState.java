package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's voice connection state ({@code VOICE_STATE_UPDATE}, {@code GUILD_CREATE.voice_states}).
 *
 * @param guildId guild; {@code null} inside {@code GUILD_CREATE}
 * @param channelId voice channel; {@code null} when the user left voice
 * @param deaf server-deafened
 * @param mute server-muted
 * @param selfStream whether the user is streaming with Go Live ({@code false} when absent)
 * @param suppress whether the user may not speak (stage channels)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoiceState(
    @Snowflake Long guildId,
    @Snowflake Long channelId,
    @Snowflake long userId,
    Member member,
    String sessionId,
    @OrDefault boolean deaf,
    @OrDefault boolean mute,
    @OrDefault boolean selfDeaf,
    @OrDefault boolean selfMute,
    @OrDefault boolean selfStream,
    @OrDefault boolean selfVideo,
    @OrDefault boolean suppress,
    OffsetDateTime requestToSpeakTimestamp) {}
