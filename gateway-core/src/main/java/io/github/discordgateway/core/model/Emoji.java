package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A custom or unicode emoji.
 *
 * @param id emoji id, {@code null} for unicode emoji
 * @param name emoji name (the character itself for unicode emoji)
 * @param roles roles allowed to use the emoji (empty when absent)
 * @param user creator, {@code null} when not sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Emoji(
    @Snowflake Long id,
    String name,
    @SnowflakeList List<Long> roles,
    User user,
    Boolean requireColons,
    Boolean managed,
    Boolean animated,
    Boolean available) {

  /** Normalises absent collections to empty ones. */
  public Emoji {
    roles = Lists.of(roles);
  }
}
