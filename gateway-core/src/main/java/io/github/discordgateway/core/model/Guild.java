package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A guild as sent in {@code GUILD_UPDATE} and as the base of {@code GUILD_CREATE} (which adds the
 * fields of {@link io.github.discordgateway.core.model.event.GuildCreate}). Integer settings
 * (verification level, notification level, ...) keep their raw numbers.
 *
 * @param owner only from {@code GET /users/@me/guilds}; {@code null} otherwise
 * @param permissions only from {@code GET /users/@me/guilds}; {@code null} otherwise
 * @param roles roles (empty when absent)
 * @param emojis custom emoji (empty when absent)
 * @param features feature names, an open-ended set (empty when absent)
 * @param stickers custom stickers (empty when absent)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guild(
    @Snowflake long id,
    String name,
    String icon,
    String iconHash,
    String splash,
    String discoverySplash,
    Boolean owner,
    @Snowflake long ownerId,
    String permissions,
    String region,
    @Snowflake Long afkChannelId,
    @OrDefault int afkTimeout,
    Boolean widgetEnabled,
    @Snowflake Long widgetChannelId,
    @OrDefault int verificationLevel,
    @OrDefault int defaultMessageNotifications,
    @OrDefault int explicitContentFilter,
    List<Role> roles,
    List<Emoji> emojis,
    List<String> features,
    @OrDefault int mfaLevel,
    @Snowflake Long applicationId,
    @Snowflake Long systemChannelId,
    @OrDefault int systemChannelFlags,
    @Snowflake Long rulesChannelId,
    Integer maxPresences,
    Integer maxMembers,
    String vanityUrlCode,
    String description,
    String banner,
    @OrDefault int premiumTier,
    Integer premiumSubscriptionCount,
    String preferredLocale,
    @Snowflake Long publicUpdatesChannelId,
    Integer maxVideoChannelUsers,
    Integer maxStageVideoChannelUsers,
    Integer approximateMemberCount,
    Integer approximatePresenceCount,
    WelcomeScreen welcomeScreen,
    @OrDefault int nsfwLevel,
    List<Sticker> stickers,
    @OrDefault boolean premiumProgressBarEnabled,
    @Snowflake Long safetyAlertsChannelId,
    IncidentsData incidentsData) {

  /** Normalises absent collections to empty ones. */
  public Guild {
    roles = Lists.of(roles);
    emojis = Lists.of(emojis);
    features = Lists.of(features);
    stickers = Lists.of(stickers);
  }

  /** Returns the role with {@code roleId}, if the guild has it. */
  public Optional<Role> role(long roleId) {
    return roles.stream().filter(r -> r.id() == roleId).findFirst();
  }

  /** The welcome screen of a community guild. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WelcomeScreen(String description, List<WelcomeChannel> welcomeChannels) {

    /** Normalises absent collections to empty ones. */
    public WelcomeScreen {
      welcomeChannels = Lists.of(welcomeChannels);
    }
  }

  /** A channel shown on the welcome screen. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WelcomeChannel(
      @Snowflake long channelId, String description, @Snowflake Long emojiId, String emojiName) {}

  /** Active raid/spam protections of the guild; each {@code null} when inactive. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IncidentsData(
      OffsetDateTime invitesDisabledUntil,
      OffsetDateTime dmsDisabledUntil,
      OffsetDateTime dmSpamDetectedAt,
      OffsetDateTime raidDetectedAt) {}
}
