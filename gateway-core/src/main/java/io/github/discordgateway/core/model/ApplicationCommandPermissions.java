package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The permissions of one application command in a guild.
 *
 * @param id command id, or the application id for the default of all commands
 * @param permissions entries (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationCommandPermissions(
    @Snowflake long id,
    @Snowflake long applicationId,
    @Snowflake long guildId,
    List<Permission> permissions) {

  /** Normalises absent collections to empty ones. */
  public ApplicationCommandPermissions {
    permissions = Lists.of(permissions);
  }

  /**
   * One permission entry.
   *
   * @param id role, user or channel id (guild id = {@code @everyone}, guild id - 1 = all channels)
   * @param type 1 ROLE, 2 USER, 3 CHANNEL
   * @param permission whether the command is allowed
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Permission(
      @Snowflake long id, @OrDefault int type, @OrDefault boolean permission) {}
}
