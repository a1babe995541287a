package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.SoundboardSound;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GUILD_SOUNDBOARD_SOUNDS_UPDATE} (several sounds changed) and {@code SOUNDBOARD_SOUNDS}
 * (the reply to op 31, one per guild): a guild's soundboard sounds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SoundboardSounds(List<SoundboardSound> soundboardSounds, @Snowflake long guildId) {

  /** Normalises absent collections to empty ones. */
  public SoundboardSounds {
    soundboardSounds = Lists.of(soundboardSounds);
  }
}
