package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild integration (Twitch, YouTube, Discord bot, guild subscription).
 *
 * @param type {@code twitch}, {@code youtube}, {@code discord} or {@code guild_subscription}
 * @param expireBehavior 0 remove role, 1 kick; {@code null} if absent
 * @param user {@code null} in gateway events
 * @param scopes OAuth2 scopes of a bot integration (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Integration(
    @Snowflake long id,
    String name,
    String type,
    @OrDefault boolean enabled,
    Boolean syncing,
    @Snowflake Long roleId,
    Boolean enableEmoticons,
    Integer expireBehavior,
    Integer expireGracePeriod,
    User user,
    Account account,
    OffsetDateTime syncedAt,
    Integer subscriberCount,
    Boolean revoked,
    Application application,
    List<String> scopes) {

  /** Normalises absent collections to empty ones. */
  public Integration {
    scopes = Lists.of(scopes);
  }

  /** The external account of an integration; its id is not necessarily a snowflake. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Account(String id, String name) {}

  /** The application of a bot integration. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Application(
      @Snowflake long id, String name, String icon, String description, User bot) {}
}
