package io.github.discordgateway.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guild the fake bot is in. It is listed as unavailable in READY and then sent as a full
 * GUILD_CREATE on the shard that owns it ({@code (id >> 22) % num_shards}); its members answer
 * Request Guild Members (op 8).
 *
 * <pre>{@code
 * FakeGuild small = FakeGuild.generated("573544236423708672", "Makers", 25);
 * }</pre>
 *
 * @param id snowflake id
 * @param name guild name
 * @param ownerId user id of the owner (one of the members)
 * @param members members (the bot user is added automatically in GUILD_CREATE)
 * @param channels channels
 */
public record FakeGuild(
    String id, String name, String ownerId, List<FakeUser> members, List<FakeChannel> channels) {

  /** Validates and copies the lists. */
  public FakeGuild {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
    members = List.copyOf(members);
    channels = List.copyOf(channels);
  }

  /**
   * Returns a guild with {@code memberCount} generated members, two text channels and one voice
   * channel. Ids are derived from the guild id so the same arguments give the same guild.
   */
  public static FakeGuild generated(String id, String name, int memberCount) {
    long base = Long.parseUnsignedLong(id);
    long ms = (base >>> 22) + Snowflakes.DISCORD_EPOCH_MS;
    List<FakeUser> members = new ArrayList<>(memberCount);
    for (int i = 0; i < memberCount; i++) {
      String userId = Snowflakes.at(Instant.ofEpochMilli(ms + 1000L * (i + 1)), i + 1);
      members.add(FakeUser.of(userId, NAMES[i % NAMES.length] + (i < NAMES.length ? "" : i)));
    }
    List<FakeChannel> channels =
        List.of(
            FakeChannel.text(Snowflakes.at(Instant.ofEpochMilli(ms + 10), 1), "general"),
            FakeChannel.text(Snowflakes.at(Instant.ofEpochMilli(ms + 20), 2), "random"),
            FakeChannel.voice(Snowflakes.at(Instant.ofEpochMilli(ms + 30), 3), "Voice Lounge"));
    String owner = members.isEmpty() ? FakeGatewayConfig.DEFAULT_BOT.id() : members.get(0).id();
    return new FakeGuild(id, name, owner, members, channels);
  }

  /** Returns the text channels of this guild. */
  public List<FakeChannel> textChannels() {
    return channels.stream().filter(c -> c.type() == FakeChannel.GUILD_TEXT).toList();
  }

  /** Returns the shard that receives this guild's events for {@code shardCount} shards. */
  public int shardFor(int shardCount) {
    return Snowflakes.shardOf(id, shardCount);
  }

  private static final String[] NAMES = {
    "marisol.dev", "tobias_k", "quietfern", "ada.l", "grace_h", "linus", "margaret", "dennis_r",
    "ken.t", "barbara_l", "edsger", "donald.k", "frances_a", "john_mc", "radia_p", "guido"
  };
}
