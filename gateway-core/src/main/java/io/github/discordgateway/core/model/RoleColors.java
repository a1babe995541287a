package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.discordgateway.core.model.json.OrDefault;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Role colours: the primary colour plus optional gradient colours ({@code null} when unset). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleColors(
    @OrDefault int primaryColor, Integer secondaryColor, Integer tertiaryColor) {}
