package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.PresenceFlag;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Tags of a managed role. The boolean tags are encoded by Discord through key presence: a key sent
 * with value {@code null} means {@code true}, an absent key {@code false} (see {@link
 * io.github.discordgateway.core.model.json.PresenceFlag}).
 *
 * @param botId the bot owning this role, {@code null} if none
 * @param integrationId the integration owning this role, {@code null} if none
 * @param premiumSubscriber whether this is the guild's booster role
 * @param subscriptionListingId the role subscription SKU, {@code null} if none
 * @param availableForPurchase whether the role can be purchased
 * @param guildConnections whether the role is a guild's linked role
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleTags(
    @Snowflake Long botId,
    @Snowflake Long integrationId,
    @PresenceFlag boolean premiumSubscriber,
    @Snowflake Long subscriptionListingId,
    @PresenceFlag boolean availableForPurchase,
    @PresenceFlag boolean guildConnections) {}
