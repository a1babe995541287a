package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An entitlement: a user's or guild's access to a premium SKU.
 *
 * @param type entitlement type (1 PURCHASE ... 8 APPLICATION_SUBSCRIPTION)
 * @param startsAt start; {@code null} for non-expiring entitlements
 * @param endsAt end; {@code null} until a subscription is cancelled
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entitlement(
    @Snowflake long id,
    @Snowflake long skuId,
    @Snowflake long applicationId,
    @Snowflake Long userId,
    @OrDefault int type,
    @OrDefault boolean deleted,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @Snowflake Long guildId,
    Boolean consumed) {}
