package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code INTEGRATION_DELETE}: an integration was removed.
 *
 * @param applicationId the bot/OAuth2 application of a bot integration, {@code null} otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntegrationDelete(
    @Snowflake long id, @Snowflake long guildId, @Snowflake Long applicationId) {}
