package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An interaction ({@code INTERACTION_CREATE}): slash command, component click, autocomplete or
 * modal submit. Reply over HTTP within 3 seconds using {@link #id()} and {@link #token()}.
 *
 * <p>{@link #toString()} redacts the {@link #token()}, which grants the right to respond.
 *
 * @param type raw interaction type; see {@link #interactionType()}
 * @param data command/component/modal data; present for types 2 to 5
 * @param guild partial guild of origin, {@code null} in DMs
 * @param channel partial channel of origin
 * @param member invoking member with {@code permissions}; sent in guilds
 * @param user invoking user; sent in DMs (see {@link #invoker()})
 * @param token continuation token for responding, valid 15 minutes
 * @param message the message a component belongs to
 * @param appPermissions the bot's permissions in the channel as a decimal string
 * @param entitlements the invoker's entitlements (empty when absent)
 * @param authorizingIntegrationOwners installation context ({@code "0"} guild, {@code "1"} user) to
 *     the authorizing guild or user id (empty when absent)
 * @param context 0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL; {@code null} if absent
 * @param attachmentSizeLimit maximum attachment size in bytes
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interaction(
    @Snowflake long id,
    @Snowflake long applicationId,
    @OrDefault int type,
    InteractionData data,
    Guild guild,
    @Snowflake Long guildId,
    Channel channel,
    @Snowflake Long channelId,
    Member member,
    User user,
    String token,
    @OrDefault int version,
    Message message,
    String appPermissions,
    String locale,
    String guildLocale,
    List<Entitlement> entitlements,
    @SnowflakeList Map<String, Long> authorizingIntegrationOwners,
    Integer context,
    @OrDefault long attachmentSizeLimit) {

  /** Normalises absent collections to empty ones. */
  public Interaction {
    entitlements = Lists.of(entitlements);
    authorizingIntegrationOwners = Lists.of(authorizingIntegrationOwners);
  }

  /** Returns the typed interaction type, {@link InteractionType#UNKNOWN} for unknown values. */
  public InteractionType interactionType() {
    return InteractionType.of(type);
  }

  /** Returns the invoking user: {@code member.user} in guilds, {@code user} in DMs. */
  public Optional<User> invoker() {
    if (member != null && member.user() != null) {
      return Optional.of(member.user());
    }
    return Optional.ofNullable(user);
  }

  @Override
  public String toString() {
    return "Interaction[id="
        + Long.toUnsignedString(id)
        + ", applicationId="
        + Long.toUnsignedString(applicationId)
        + ", type="
        + type
        + ", data="
        + data
        + ", guildId="
        + guildId
        + ", channelId="
        + channelId
        + ", invoker="
        + invoker().map(User::id).orElse(null)
        + ", token=<redacted>]";
  }
}
