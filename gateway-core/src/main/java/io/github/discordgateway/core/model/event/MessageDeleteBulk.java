package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code MESSAGE_DELETE_BULK}: several messages were deleted at once. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageDeleteBulk(
    @SnowflakeList List<Long> ids, @Snowflake long channelId, @Snowflake Long guildId) {

  /** Normalises absent collections to empty ones. */
  public MessageDeleteBulk {
    ids = Lists.of(ids);
  }
}
