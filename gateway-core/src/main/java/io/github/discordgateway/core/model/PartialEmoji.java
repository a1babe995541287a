package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The short emoji form of reactions and activities: {@code {id, name, animated}}. For unicode emoji
 * {@link #id()} is {@code null} and {@link #name()} is the character.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartialEmoji(@Snowflake Long id, String name, @OrDefault boolean animated) {

  /** Returns whether this is a custom (guild) emoji rather than a unicode one. */
  public boolean custom() {
    return id != null;
  }
}
