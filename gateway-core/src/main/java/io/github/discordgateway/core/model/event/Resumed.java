package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code RESUMED}: the replay after a resume is complete. Discord documents no fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Resumed() {}
