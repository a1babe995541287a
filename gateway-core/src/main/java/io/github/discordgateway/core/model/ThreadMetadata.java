package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Thread-specific channel fields.
 *
 * @param autoArchiveDuration minutes of inactivity before archiving (60, 1440, 4320, 10080)
 * @param invitable whether non-moderators can add others (private threads), {@code null} if absent
 * @param createTimestamp creation time; {@code null} for threads created before 2022-01-09
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadMetadata(
    @OrDefault boolean archived,
    @OrDefault int autoArchiveDuration,
    OffsetDateTime archiveTimestamp,
    @OrDefault boolean locked,
    Boolean invitable,
    OffsetDateTime createTimestamp) {}
