package io.github.discordgateway.benchmarks;

import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.test.FakeDispatch;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.FakeUser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payloads shaped like Discord's for the benchmarks, deterministic for a given seed (apart from the
 * ids and timestamps {@link FakeEvents} stamps). Sizes: MESSAGE_CREATE about 1.2 KB as an envelope,
 * GUILD_CREATE with 1,000 members and their presences about 600 KB, PRESENCE_UPDATE about 0.6 KB.
 *
 * <pre>{@code
 * byte[] payload = Payloads.envelope(Payloads.messageCreate(0), 42);
 * List<byte[]> frames = Payloads.zlibStream(payloads);
 * }</pre>
 */
public final class Payloads {

  /** The size a MESSAGE_CREATE envelope is padded to, in bytes. */
  public static final int MESSAGE_CREATE_BYTES = 1200;

  /** The guild every generated event belongs to; it has 50 members. */
  public static final FakeGuild GUILD = FakeGuild.generated("573544236423708672", "Benchmarks", 50);

  private static final String[] WORDS = {
    "the",
    "build",
    "is",
    "green",
    "again",
    "after",
    "we",
    "pinned",
    "netty",
    "and",
    "bumped",
    "jackson",
    "shard",
    "resume",
    "latency",
    "looks",
    "fine",
    "on",
    "staging",
    "ship",
    "it",
    "tomorrow",
    "please",
    "review",
    "my",
    "pull",
    "request",
    "when",
    "you",
    "can"
  };

  private Payloads() {}

  /** Returns a MESSAGE_CREATE in {@link #GUILD} whose envelope is about 1.2 KB. */
  public static FakeDispatch messageCreate(int index) {
    return messageCreate(index, GUILD);
  }

  /** Returns a MESSAGE_CREATE in {@code guild} whose envelope is about 1.2 KB. */
  public static FakeDispatch messageCreate(int index, FakeGuild guild) {
    Random random = new Random(index);
    FakeUser author = guild.members().get(index % guild.members().size());
    String channelId = guild.textChannels().get(index % guild.textChannels().size()).id();
    FakeDispatch empty = FakeEvents.messageCreate(guild.id(), channelId, author, "");
    int overhead = envelope(empty, 1_000_000L + index).length;
    String content = sentence(random, Math.max(8, MESSAGE_CREATE_BYTES - overhead));
    return FakeEvents.messageCreate(guild.id(), channelId, author, content);
  }

  /** Returns {@code count} MESSAGE_CREATE events of about 1.2 KB each. */
  public static List<FakeDispatch> messageCreates(int count) {
    return messageCreates(count, GUILD);
  }

  /** Returns {@code count} MESSAGE_CREATE events in {@code guild} of about 1.2 KB each. */
  public static List<FakeDispatch> messageCreates(int count, FakeGuild guild) {
    List<FakeDispatch> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(messageCreate(i, guild));
    }
    return events;
  }

  /** Returns a PRESENCE_UPDATE with a custom status and a game with assets and buttons. */
  public static FakeDispatch presenceUpdate(int index) {
    FakeUser user = GUILD.members().get(index % GUILD.members().size());
    ObjectNode d = GatewayJson.mapper().createObjectNode();
    d.putObject("user").put("id", user.id());
    d.put("guild_id", GUILD.id());
    d.put("status", index % 3 == 0 ? "idle" : "online");
    ArrayNode activities = d.putArray("activities");
    ObjectNode custom = activities.addObject();
    custom.put("type", 4);
    custom.put("state", "shipping the gateway benchmarks");
    custom.put("name", "Custom Status");
    custom.put("id", "custom");
    custom.putObject("emoji").put("name", "\uD83D\uDE80");
    custom.put("created_at", 1_785_000_000_000L + index);
    ObjectNode game = activities.addObject();
    game.put("type", 0);
    game.put("name", "KiCad");
    game.put("id", "f2a1c3d4e5b60718");
    game.put("application_id", "383226320970055681");
    game.put("details", "Editing the power board");
    game.put("state", "Routing traces");
    game.putObject("timestamps").put("start", 1_784_990_000_000L);
    ObjectNode assets = game.putObject("assets");
    assets.put("large_image", "mp:external/kicad/logo.png");
    assets.put("large_text", "KiCad 9");
    game.putArray("buttons").add("Download").add("Docs");
    game.put("created_at", 1_785_000_000_000L + index);
    ObjectNode clientStatus = d.putObject("client_status");
    clientStatus.put("desktop", "online");
    clientStatus.put("mobile", "idle");
    return new FakeDispatch("PRESENCE_UPDATE", GatewayJson.mapper().writeValueAsString(d));
  }

  /** Returns a GUILD_CREATE of a guild with {@code memberCount} members and their presences. */
  public static FakeDispatch guildCreate(int memberCount) {
    FakeGuild guild = FakeGuild.generated("813404539398905876", "Large Guild", memberCount);
    ObjectNode d = GatewayJson.mapper().createObjectNode();
    d.put("id", guild.id());
    d.put("name", guild.name());
    d.putNull("icon");
    d.put("owner_id", guild.ownerId());
    d.put("afk_timeout", 300);
    d.put("verification_level", 1);
    d.put("default_message_notifications", 1);
    d.put("explicit_content_filter", 2);
    ArrayNode roles = d.putArray("roles");
    for (int i = 0; i < 12; i++) {
      ObjectNode role = roles.addObject();
      role.put("id", Long.toString(Long.parseLong(guild.id()) + i));
      role.put("name", i == 0 ? "@everyone" : "role-" + i);
      role.put("color", i * 1_000);
      role.put("hoist", i % 3 == 0);
      role.put("position", i);
      role.put("permissions", "633630186917441");
      role.put("managed", false);
      role.put("mentionable", i % 2 == 0);
      role.put("flags", 0);
    }
    d.putArray("emojis");
    d.putArray("features").add("COMMUNITY").add("NEWS");
    d.put("premium_tier", 2);
    d.put("preferred_locale", "en-US");
    d.put("joined_at", "2021-02-19T10:11:12.000000+00:00");
    d.put("large", true);
    d.put("unavailable", false);
    d.put("member_count", memberCount);
    ArrayNode members = d.putArray("members");
    ArrayNode presences = d.putArray("presences");
    for (int i = 0; i < guild.members().size(); i++) {
      FakeUser user = guild.members().get(i);
      ObjectNode member = members.addObject();
      ObjectNode u = member.putObject("user");
      u.put("id", user.id());
      u.put("username", user.username());
      u.put("discriminator", "0");
      u.put("global_name", user.globalName());
      u.putNull("avatar");
      u.put("public_flags", 0);
      member.putNull("nick");
      member.putNull("avatar");
      ArrayNode memberRoles = member.putArray("roles");
      memberRoles.add(Long.toString(Long.parseLong(guild.id()) + 1 + i % 11));
      member.put("joined_at", "2022-03-04T05:06:07.123456+00:00");
      member.putNull("premium_since");
      member.put("deaf", false);
      member.put("mute", false);
      member.put("flags", 0);
      member.put("pending", false);
      ObjectNode presence = presences.addObject();
      presence.putObject("user").put("id", user.id());
      presence.put("status", i % 4 == 0 ? "idle" : "online");
      presence.putObject("client_status").put("desktop", "online");
      presence.putArray("activities");
    }
    ArrayNode channels = d.putArray("channels");
    for (int i = 0; i < 20; i++) {
      ObjectNode c = channels.addObject();
      c.put("id", Long.toString(Long.parseLong(guild.id()) + 100 + i));
      c.put("type", i % 5 == 4 ? 2 : 0);
      c.put("name", "channel-" + i);
      c.put("position", i);
      c.putNull("parent_id");
      c.put("nsfw", false);
      c.put("rate_limit_per_user", 0);
      c.putArray("permission_overwrites");
    }
    d.putArray("threads");
    d.putArray("voice_states");
    d.putArray("stage_instances");
    d.putArray("guild_scheduled_events");
    return new FakeDispatch("GUILD_CREATE", GatewayJson.mapper().writeValueAsString(d));
  }

  /** Returns the UTF-8 envelope {@code {"op":0,"s":seq,"t":...,"d":...}} of {@code event}. */
  public static byte[] envelope(FakeDispatch event, long seq) {
    return ("{\"op\":0,\"s\":"
            + seq
            + ",\"t\":\""
            + event.type()
            + "\",\"d\":"
            + event.dataJson()
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the Hello payload with {@code heartbeatIntervalMs}. */
  public static byte[] hello(long heartbeatIntervalMs) {
    return ("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":"
            + heartbeatIntervalMs
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a READY dispatch with sequence 1 and one unavailable guild. */
  public static byte[] ready() {
    String d =
        "{\"v\":10,\"user\":{\"id\":\"1085128370007572480\",\"username\":\"bench\","
            + "\"discriminator\":\"0\",\"bot\":true},\"guilds\":[{\"id\":\""
            + GUILD.id()
            + "\",\"unavailable\":true}],\"session_id\":\"3f1c2b9a8e7d6c5b4a39281706f5e4d3\","
            + "\"resume_gateway_url\":\"wss://127.0.0.1:1/resume\",\"shard\":[0,1],"
            + "\"application\":{\"id\":\"1085128370007572480\",\"flags\":0}}";
    return envelope(new FakeDispatch("READY", d), 1);
  }

  /**
   * Compresses {@code payloads} the way Discord's zlib-stream does: one deflater for the whole
   * connection (with the zlib header), a SYNC_FLUSH after every payload, one frame per payload.
   */
  public static List<byte[]> zlibStream(List<byte[]> payloads) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      List<byte[]> frames = new ArrayList<>(payloads.size());
      byte[] buffer = new byte[64 * 1024];
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] payload : payloads) {
        out.reset();
        deflater.setInput(payload);
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        frames.add(out.toByteArray());
      }
      return frames;
    } finally {
      deflater.end();
    }
  }

  /**
   * Returns a recorded-style mix of {@code count} dispatch envelopes (sequence 2, 3, ...): mostly
   * MESSAGE_CREATE, with PRESENCE_UPDATE and TYPING_START in between, as a busy guild sends them.
   */
  public static List<byte[]> recordedMix(int count) {
    List<byte[]> payloads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      FakeDispatch event;
      int kind = i % 10;
      if (kind < 6) {
        event = messageCreate(i);
      } else if (kind < 9) {
        event = presenceUpdate(i);
      } else {
        FakeUser user = GUILD.members().get(i % GUILD.members().size());
        event = FakeEvents.typingStart(GUILD.id(), GUILD.textChannels().get(0).id(), user);
      }
      payloads.add(envelope(event, 2L + i));
    }
    return payloads;
  }

  private static String sentence(Random random, int length) {
    StringBuilder text = new StringBuilder(length + 16);
    while (text.length() < length) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    text.setLength(length);
    return text.toString();
  }
}
