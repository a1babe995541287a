package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.Emoji;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code VOICE_CHANNEL_EFFECT_SEND}: an emoji reaction or soundboard effect in a voice channel.
 *
 * @param emoji the emoji, {@code null} if none
 * @param animationType 0 PREMIUM, 1 BASIC; {@code null} if absent
 * @param soundId soundboard sound; a snowflake, or a small integer for default sounds
 * @param soundVolume 0 to 1, {@code null} if absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoiceChannelEffectSend(
    @Snowflake long channelId,
    @Snowflake long guildId,
    @Snowflake long userId,
    Emoji emoji,
    Integer animationType,
    Integer animationId,
    @Snowflake Long soundId,
    Double soundVolume) {}
