package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An audit log entry.
 *
 * @param targetId affected entity id (not always a snowflake), {@code null} if none
 * @param changes changes made (empty when absent)
 * @param userId acting user, {@code null} if none
 * @param actionType audit log event type
 * @param options action-specific extra data as raw JSON, {@code null} if absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditLogEntry(
    @Snowflake long id,
    String targetId,
    List<Change> changes,
    @Snowflake Long userId,
    @OrDefault int actionType,
    JsonNode options,
    String reason) {

  /** Normalises absent collections to empty ones. */
  public AuditLogEntry {
    changes = Lists.of(changes);
  }

  /** One changed key with its old and new value (raw JSON; either may be {@code null}). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(String key, JsonNode newValue, JsonNode oldValue) {}
}
