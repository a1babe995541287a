package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's premium subscription. Grant perks from entitlements, not from the status.
 *
 * @param renewalSkuIds SKUs the subscription renews into (empty when absent or {@code null})
 * @param status subscription status (raw number; 0 is ACTIVE)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(
    @Snowflake long id,
    @Snowflake long userId,
    @SnowflakeList List<Long> skuIds,
    @SnowflakeList List<Long> entitlementIds,
    @SnowflakeList List<Long> renewalSkuIds,
    OffsetDateTime currentPeriodStart,
    OffsetDateTime currentPeriodEnd,
    @OrDefault int status,
    OffsetDateTime canceledAt,
    String country) {

  /** Normalises absent collections to empty ones. */
  public Subscription {
    skuIds = Lists.of(skuIds);
    entitlementIds = Lists.of(entitlementIds);
    renewalSkuIds = Lists.of(renewalSkuIds);
  }
}
