package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code INVITE_DELETE}: an invite was deleted; {@code guildId} is {@code null} outside guilds. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InviteDelete(@Snowflake long channelId, @Snowflake Long guildId, String code) {}
