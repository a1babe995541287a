package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A message. Content-bearing fields ({@link #content()}, {@link #attachments()}, {@link #embeds()},
 * {@link #components()}, {@link #poll()}) are empty without the MESSAGE_CONTENT intent unless the
 * bot is mentioned or in a DM. Polymorphic or rarely used parts are kept as raw {@link JsonNode}s.
 *
 * @param author the author; for webhook messages the webhook's id, name and avatar
 * @param content text; {@code null} when absent (a partial {@code MESSAGE_UPDATE})
 * @param editedTimestamp {@code null} if never edited
 * @param mentions mentioned users, each with a partial member in guild {@code MESSAGE_CREATE}
 * @param mentionRoles ids of mentioned roles
 * @param nonce client-side nonce; Discord sends a string or an integer, read here as text
 * @param type raw message type; see {@link #messageType()}
 * @param flags message flags bit set ({@code 0} when absent)
 * @param referencedMessage the replied-to/forwarded message (types 19, 21, 23): absent means not
 *     fetched, {@code null} means deleted
 * @param interactionMetadata metadata of the interaction that produced the message (one of three
 *     shapes, discriminated by {@code type}), {@code null} if absent
 * @param interaction deprecated interaction summary, {@code null} if absent
 * @param components message components, type-discriminated, as raw JSON
 * @param messageSnapshots forwarded message snapshots, as raw JSON
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(
    @Snowflake long id,
    @Snowflake long channelId,
    User author,
    String content,
    OffsetDateTime timestamp,
    OffsetDateTime editedTimestamp,
    @OrDefault boolean tts,
    @OrDefault boolean mentionEveryone,
    List<UserMention> mentions,
    @SnowflakeList List<Long> mentionRoles,
    List<ChannelMention> mentionChannels,
    List<Attachment> attachments,
    List<Embed> embeds,
    List<Reaction> reactions,
    String nonce,
    @OrDefault boolean pinned,
    @Snowflake Long webhookId,
    @OrDefault int type,
    MessageActivity activity,
    JsonNode application,
    @Snowflake Long applicationId,
    @OrDefault int flags,
    MessageReference messageReference,
    List<JsonNode> messageSnapshots,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Possible<Message> referencedMessage,
    JsonNode interactionMetadata,
    JsonNode interaction,
    Channel thread,
    List<JsonNode> components,
    List<StickerItem> stickerItems,
    List<Sticker> stickers,
    Integer position,
    JsonNode roleSubscriptionData,
    ResolvedData resolved,
    JsonNode poll,
    MessageCall call,
    JsonNode sharedClientTheme) {

  /** Normalises absent collections to empty ones and an absent reference to {@code absent()}. */
  public Message {
    mentions = Lists.of(mentions);
    mentionRoles = Lists.of(mentionRoles);
    mentionChannels = Lists.of(mentionChannels);
    attachments = Lists.of(attachments);
    embeds = Lists.of(embeds);
    reactions = Lists.of(reactions);
    messageSnapshots = Lists.of(messageSnapshots);
    referencedMessage = Lists.orElse(referencedMessage, Possible.absent());
    components = Lists.of(components);
    stickerItems = Lists.of(stickerItems);
    stickers = Lists.of(stickers);
  }

  /** Returns the typed message type, {@link MessageType#UNKNOWN} for values this version lacks. */
  public MessageType messageType() {
    return MessageType.of(type);
  }

  /** Returns the mentioned users without their member data. */
  public List<User> mentionedUsers() {
    return mentions.stream().map(UserMention::user).toList();
  }

  /** Returns whether the message came from a webhook (its author is then not a real user). */
  public boolean fromWebhook() {
    return webhookId != null;
  }
}
