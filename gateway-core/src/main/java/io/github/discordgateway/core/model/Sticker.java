package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A sticker.
 *
 * @param type 1 STANDARD, 2 GUILD
 * @param formatType 1 PNG, 2 APNG, 3 LOTTIE, 4 GIF
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sticker(
    @Snowflake long id,
    @Snowflake Long packId,
    String name,
    String description,
    String tags,
    @OrDefault int type,
    @OrDefault int formatType,
    Boolean available,
    @Snowflake Long guildId,
    User user,
    Integer sortValue) {}
