package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.json.OrDefault;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code THREAD_CREATE}: a thread was created, or the bot was added to a private thread (then
 * {@link Channel#member()} is set).
 *
 * @param thread the thread channel (all channel keys are read from the payload itself)
 * @param newlyCreated whether the thread was just created ({@code false} when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadCreate(@JsonUnwrapped Channel thread, @OrDefault boolean newlyCreated) {}
