package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Reactions of one emoji on a message.
 *
 * @param me whether the bot reacted with a normal reaction
 * @param meBurst whether the bot reacted with a super-reaction
 * @param burstColors super-reaction colours as {@code #rrggbb} (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reaction(
    @OrDefault int count,
    CountDetails countDetails,
    @OrDefault boolean me,
    @OrDefault boolean meBurst,
    PartialEmoji emoji,
    List<String> burstColors) {

  /** Normalises absent collections to empty ones. */
  public Reaction {
    burstColors = Lists.of(burstColors);
  }

  /** Counts split into super-reactions ({@code burst}) and normal ones. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CountDetails(@OrDefault int burst, @OrDefault int normal) {}
}
