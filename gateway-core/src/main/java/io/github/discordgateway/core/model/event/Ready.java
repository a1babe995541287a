package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code READY}: the session is established. Undocumented keys ({@code _trace}, {@code
 * private_channels}, ...) are ignored.
 *
 * @param v gateway API version
 * @param user the bot's own user
 * @param guilds the bot's guilds, all unavailable until their {@code GUILD_CREATE}
 * @param sessionId session id needed to resume
 * @param resumeGatewayUrl URL to use when resuming
 * @param shard {@code [shard_id, num_shards]}, empty when Identify sent no shard
 * @param application the bot's application id and flags
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ready(
    @OrDefault int v,
    User user,
    List<UnavailableGuild> guilds,
    String sessionId,
    String resumeGatewayUrl,
    List<Integer> shard,
    Application application) {

  /** Normalises absent collections to empty ones. */
  public Ready {
    guilds = Lists.of(guilds);
    shard = Lists.of(shard);
  }

  /** Returns the shard id, empty when READY carried no shard. */
  public Optional<Integer> shardId() {
    return shard.size() == 2 ? Optional.of(shard.get(0)) : Optional.empty();
  }

  /** Returns the shard count, empty when READY carried no shard. */
  public Optional<Integer> shardCount() {
    return shard.size() == 2 ? Optional.of(shard.get(1)) : Optional.empty();
  }

  /** The partial application in READY. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Application(@Snowflake long id, @OrDefault long flags) {}
}
