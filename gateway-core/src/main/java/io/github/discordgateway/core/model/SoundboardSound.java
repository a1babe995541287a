package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A soundboard sound.
 *
 * @param volume playback volume from 0 to 1
 * @param guildId guild, {@code null} for default sounds
 * @param user creator, {@code null} when not sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SoundboardSound(
    String name,
    @Snowflake long soundId,
    @OrDefault double volume,
    @Snowflake Long emojiId,
    String emojiName,
    @Snowflake Long guildId,
    @OrDefault boolean available,
    User user) {}
