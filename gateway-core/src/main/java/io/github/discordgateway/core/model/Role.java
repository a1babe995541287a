package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild role.
 *
 * @param id role id; the {@code @everyone} role has the guild's id
 * @param color deprecated single colour, still sent; prefer {@link #colors()}
 * @param permissions permission bit set as the decimal string Discord sends (parse with {@code new
 *     BigInteger(permissions)} to stay safe should Discord use bit 63 or above)
 * @param tags role tags, {@code null} when absent
 * @param flags role flags bit set (IN_PROMPT = 1)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Role(
    @Snowflake long id,
    String name,
    @OrDefault int color,
    RoleColors colors,
    @OrDefault boolean hoist,
    String icon,
    String unicodeEmoji,
    @OrDefault int position,
    String permissions,
    @OrDefault boolean managed,
    @OrDefault boolean mentionable,
    RoleTags tags,
    @OrDefault int flags) {}
