package io.github.discordgateway.test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders of realistic dispatch payloads for the events tests send most. Every builder returns a
 * {@link FakeDispatch} to hand to {@link FakeDiscordGateway#dispatch(FakeDispatch)}.
 *
 * <pre>{@code
 * FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
 * gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "hello"));
 * }</pre>
 */
public final class FakeEvents {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private FakeEvents() {}

  /** MESSAGE_CREATE by {@code author} in the first text channel of {@code guild}. */
  public static FakeDispatch messageCreate(FakeGuild guild, FakeUser author, String content) {
    String channelId =
        guild.textChannels().isEmpty() ? guild.id() : guild.textChannels().get(0).id();
    return messageCreate(guild.id(), channelId, author, content);
  }

  /** MESSAGE_CREATE by {@code author} in a guild channel; {@code guildId} null makes it a DM. */
  public static FakeDispatch messageCreate(
      String guildId, String channelId, FakeUser author, String content) {
    Instant now = Instant.now();
    ObjectNode d = Json.object();
    d.put("id", Snowflakes.next());
    d.put("channel_id", channelId);
    if (guildId != null) {
      d.put("guild_id", guildId);
    }
    d.put("type", 0);
    d.set("author", user(author));
    if (guildId != null) {
      ObjectNode member = member(author, now.minusSeconds(86_400));
      member.remove("user");
      d.set("member", member);
    }
    d.put("content", content);
    d.put("timestamp", timestamp(now));
    d.putNull("edited_timestamp");
    d.put("tts", false);
    d.put("mention_everyone", false);
    d.set("mentions", Json.array());
    d.set("mention_roles", Json.array());
    d.set("attachments", Json.array());
    d.set("embeds", Json.array());
    d.put("pinned", false);
    d.put("flags", 0);
    d.set("components", Json.array());
    d.put("nonce", Snowflakes.next());
    d.put("channel_type", guildId == null ? 1 : 0);
    return FakeDispatch.of("MESSAGE_CREATE", d);
  }

  /** GUILD_MEMBER_ADD of {@code user} joining now. */
  public static FakeDispatch guildMemberAdd(String guildId, FakeUser user) {
    ObjectNode d = member(user, Instant.now());
    d.put("pending", false);
    d.put("guild_id", guildId);
    return FakeDispatch.of("GUILD_MEMBER_ADD", d);
  }

  /** GUILD_MEMBER_UPDATE setting the nickname of {@code user}. */
  public static FakeDispatch guildMemberUpdate(String guildId, FakeUser user, String nick) {
    ObjectNode d = member(user, Instant.now().minusSeconds(86_400 * 30L));
    d.put("nick", nick);
    d.put("guild_id", guildId);
    return FakeDispatch.of("GUILD_MEMBER_UPDATE", d);
  }

  /** PRESENCE_UPDATE with a status ({@code online}, {@code idle}, {@code dnd}, ...). */
  public static FakeDispatch presenceUpdate(String guildId, String userId, String status) {
    ObjectNode d = Json.object();
    d.set("user", Json.object().put("id", userId));
    d.put("guild_id", guildId);
    d.put("status", status);
    d.set("client_status", Json.object().put("desktop", status));
    ArrayNode activities = Json.array();
    if (!"offline".equals(status)) {
      ObjectNode activity = Json.object();
      activity.put("name", "KiCad");
      activity.put("type", 0);
      activity.put("created_at", Instant.now().toEpochMilli());
      activities.add(activity);
    }
    d.set("activities", activities);
    return FakeDispatch.of("PRESENCE_UPDATE", d);
  }

  /** TYPING_START of {@code user} in a guild channel. */
  public static FakeDispatch typingStart(String guildId, String channelId, FakeUser user) {
    ObjectNode d = Json.object();
    d.put("channel_id", channelId);
    d.put("guild_id", guildId);
    d.put("user_id", user.id());
    d.put("timestamp", Instant.now().getEpochSecond());
    d.set("member", member(user, Instant.now().minusSeconds(86_400)));
    return FakeDispatch.of("TYPING_START", d);
  }

  /** MESSAGE_REACTION_ADD of a unicode {@code emoji} by {@code userId}. */
  public static FakeDispatch messageReactionAdd(
      String guildId, String channelId, String messageId, String userId, String emoji) {
    ObjectNode d = Json.object();
    d.put("user_id", userId);
    d.put("channel_id", channelId);
    d.put("message_id", messageId);
    d.put("guild_id", guildId);
    d.set("emoji", Json.object().putNull("id").put("name", emoji));
    d.put("burst", false);
    d.set("burst_colors", Json.array());
    d.put("type", 0);
    return FakeDispatch.of("MESSAGE_REACTION_ADD", d);
  }

  /** INTERACTION_CREATE of a slash command {@code /commandName} used by {@code user}. */
  public static FakeDispatch interactionCreate(
      String guildId, String channelId, FakeUser user, String commandName) {
    ObjectNode d = Json.object();
    d.put("id", Snowflakes.next());
    d.put("application_id", FakeGatewayConfig.DEFAULT_BOT.id());
    d.put("type", 2);
    ObjectNode data = Json.object();
    data.put("id", Snowflakes.next());
    data.put("name", commandName);
    data.put("type", 1);
    data.put("guild_id", guildId);
    d.set("data", data);
    d.put("guild_id", guildId);
    d.put("channel_id", channelId);
    ObjectNode member = member(user, Instant.now().minusSeconds(86_400));
    member.put("permissions", "633630186917441");
    d.set("member", member);
    d.put("token", "aW50ZXJhY3Rpb246RkFLRS1UT0tFTi1OT1QtUkVBTA");
    d.put("version", 1);
    d.put("app_permissions", "633647366786625");
    d.put("locale", "en-US");
    d.put("guild_locale", "en-US");
    d.set("entitlements", Json.array());
    d.put("context", 0);
    return FakeDispatch.of("INTERACTION_CREATE", d);
  }

  /** GUILD_MEMBERS_CHUNK carrying {@code members}; {@code nonce} may be null. */
  public static FakeDispatch guildMembersChunk(
      String guildId, List<FakeUser> members, int chunkIndex, int chunkCount, String nonce) {
    ObjectNode d = Json.object();
    d.put("guild_id", guildId);
    ArrayNode array = d.putArray("members");
    Instant joined = Instant.now().minusSeconds(86_400 * 365L);
    for (FakeUser user : members) {
      array.add(member(user, joined));
    }
    d.put("chunk_index", chunkIndex);
    d.put("chunk_count", chunkCount);
    if (nonce != null) {
      d.put("nonce", nonce);
    }
    return FakeDispatch.of("GUILD_MEMBERS_CHUNK", d);
  }

  static ObjectNode user(FakeUser user) {
    ObjectNode node = Json.object();
    node.put("id", user.id());
    node.put("username", user.username());
    node.put("discriminator", user.bot() ? "4821" : "0");
    if (user.globalName() == null) {
      node.putNull("global_name");
    } else {
      node.put("global_name", user.globalName());
    }
    node.putNull("avatar");
    if (user.bot()) {
      node.put("bot", true);
    }
    node.put("public_flags", 0);
    node.putNull("avatar_decoration_data");
    node.putNull("collectibles");
    node.putNull("primary_guild");
    return node;
  }

  static ObjectNode member(FakeUser user, Instant joinedAt) {
    ObjectNode node = Json.object();
    node.set("user", user(user));
    node.putNull("nick");
    node.putNull("avatar");
    node.putNull("banner");
    node.set("roles", Json.array());
    node.put("joined_at", timestamp(joinedAt));
    node.putNull("premium_since");
    node.put("deaf", false);
    node.put("mute", false);
    node.put("flags", 0);
    node.putNull("communication_disabled_until");
    return node;
  }

  static String timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).format(ISO);
  }
}
