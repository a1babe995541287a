package io.github.discordgateway.autoconfigure.command;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.command.GuildMembers;
import io.github.discordgateway.core.command.GuildMembersCollector;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.RequestChannelInfo;
import io.github.discordgateway.core.protocol.RequestGuildMembers;
import io.github.discordgateway.core.protocol.RequestSoundboardSounds;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.protocol.UpdateVoiceState;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends gateway commands. Each command about a guild goes to the shard that holds the guild ({@code
 * (guild_id >> 22) % shard_count}) and passes that shard's rate limiter; a guild whose shard does
 * not run in this process fails with a {@link GatewayException} of kind {@code INVALID_COMMAND}.
 * Every method returns a future and never throws for a command that cannot be sent: the future
 * fails instead.
 *
 * <pre>{@code
 * @Component
 * class Roll {
 *   private final DiscordGateway gateway;
 *   Roll(DiscordGateway gateway) { this.gateway = gateway; }
 *
 *   @EventListener(condition = "#event.message.content == '!members'")
 *   void onMessage(MessageCreateEvent event) {
 *     gateway.requestGuildMembers(event.guildId(), "", 0, false)
 *         .thenAccept(members -> log.info("{} members", members.size()));
 *   }
 * }
 * }</pre>
 */
public final class DiscordGateway {

  private final ShardManager shardManager;
  private final GuildMembersCollector members;

  /**
   * Creates the command facade.
   *
   * @param shardManager the shards of this process
   * @param members collects GUILD_MEMBERS_CHUNK replies; must listen to the shards' events
   */
  public DiscordGateway(ShardManager shardManager, GuildMembersCollector members) {
    this.shardManager = Objects.requireNonNull(shardManager, "shardManager");
    this.members = Objects.requireNonNull(members, "members");
  }

  /** Returns the shard manager, for what this facade does not cover. */
  public ShardManager shardManager() {
    return shardManager;
  }

  /**
   * Updates the presence on every shard of this process.
   *
   * @param presence the presence
   * @return completes when written on every shard
   */
  public CompletableFuture<Void> updatePresence(UpdatePresence presence) {
    return guard(() -> shardManager.broadcast(presence));
  }

  /**
   * Updates the presence on every shard of this process.
   *
   * @param status the status
   * @param activities the activities shown (none for an empty array)
   * @return completes when written on every shard
   */
  public CompletableFuture<Void> updatePresence(PresenceStatus status, BotActivity... activities) {
    return guard(
        () -> shardManager.broadcast(new UpdatePresence(null, List.of(activities), status, false)));
  }

  /**
   * Updates the presence on one shard.
   *
   * @param shardId the shard
   * @param presence the presence
   * @return completes when written; fails with {@code INVALID_COMMAND} when the shard does not run
   *     in this process
   */
  public CompletableFuture<Void> updatePresence(int shardId, UpdatePresence presence) {
    return guard(() -> shard(shardId).send(presence));
  }

  /**
   * Joins, moves between or leaves voice channels.
   *
   * @param guildId the guild
   * @param channelId the voice channel to join, or {@code null} to leave
   * @param selfMute whether the bot is muted
   * @param selfDeaf whether the bot is deafened
   * @return completes when written
   */
  public CompletableFuture<Void> updateVoiceState(
      long guildId, Long channelId, boolean selfMute, boolean selfDeaf) {
    return send(guildId, () -> new UpdateVoiceState(guildId, channelId, selfMute, selfDeaf));
  }

  /**
   * Requests members whose username starts with {@code query} ({@code ""} with limit 0: every
   * member, which needs the GUILD_MEMBERS intent) and gathers every GUILD_MEMBERS_CHUNK reply.
   *
   * @param guildId the guild
   * @param query the username prefix
   * @param limit the most members to return (0 with an empty query: all)
   * @param presences whether to ask for presences too (needs GUILD_PRESENCES)
   * @return the members of every chunk; fails with {@link
   *     io.github.discordgateway.core.command.GuildMembersRequestException} when rate limited (with
   *     {@code retryAfter()}) or timed out
   */
  public CompletableFuture<List<Member>> requestGuildMembers(
      long guildId, String query, int limit, boolean presences) {
    return requestGuildMembers(
            () ->
                new RequestGuildMembers(guildId, query, limit, presences ? true : null, null, null))
        .thenApply(GuildMembers::members);
  }

  /**
   * Requests specific members and gathers every GUILD_MEMBERS_CHUNK reply.
   *
   * @param guildId the guild
   * @param userIds the users (at most 100)
   * @param presences whether to ask for presences too (needs GUILD_PRESENCES)
   * @return the members found; fails as {@link #requestGuildMembers(long, String, int, boolean)}
   */
  public CompletableFuture<List<Member>> requestGuildMembers(
      long guildId, List<Long> userIds, boolean presences) {
    return requestGuildMembers(
            () ->
                new RequestGuildMembers(
                    guildId, null, null, presences ? true : null, userIds, null))
        .thenApply(GuildMembers::members);
  }

  /**
   * Sends a Request Guild Members as given (its nonce is replaced) and gathers everything its
   * chunks carry: members, presences and the ids not found.
   *
   * @param command the request
   * @return everything the chunks carried
   */
  public CompletableFuture<GuildMembers> requestGuildMembers(RequestGuildMembers command) {
    return requestGuildMembers(() -> command);
  }

  private CompletableFuture<GuildMembers> requestGuildMembers(
      java.util.function.Supplier<RequestGuildMembers> command) {
    try {
      RequestGuildMembers request = command.get();
      Shard shard = shardManager.shardFor(request.guildId());
      return members.request(request, shard::send);
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  /**
   * Requests the soundboard sounds of guilds; Discord answers with one SOUNDBOARD_SOUNDS dispatch
   * per guild ({@code SoundboardSoundsEvent}). Guilds on different shards are requested on each of
   * their shards.
   *
   * @param guildIds the guilds
   * @return completes when written on every shard concerned
   */
  public CompletableFuture<Void> requestSoundboardSounds(List<Long> guildIds) {
    return guard(
        () -> {
          if (guildIds == null || guildIds.isEmpty()) {
            // let the command report the error
            return shardManager.broadcast(new RequestSoundboardSounds(guildIds));
          }
          Map<Shard, List<Long>> byShard = new LinkedHashMap<>();
          for (Long guildId : guildIds) {
            Objects.requireNonNull(guildId, "guildIds must not contain null");
            byShard
                .computeIfAbsent(shardManager.shardFor(guildId), s -> new ArrayList<>())
                .add(guildId);
          }
          List<CompletableFuture<Void>> sends = new ArrayList<>();
          for (Map.Entry<Shard, List<Long>> entry : byShard.entrySet()) {
            sends.add(entry.getKey().send(new RequestSoundboardSounds(entry.getValue())));
          }
          return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        });
  }

  /**
   * Requests ephemeral channel data (voice status, voice start time) of a guild; Discord answers
   * with CHANNEL_INFO ({@code ChannelInfoEvent}).
   *
   * @param guildId the guild
   * @param fields the fields wanted, for example {@link RequestChannelInfo#STATUS}
   * @return completes when written
   */
  public CompletableFuture<Void> requestChannelInfo(long guildId, List<String> fields) {
    return send(guildId, () -> new RequestChannelInfo(guildId, fields));
  }

  /**
   * Sends any command on the shard of {@code guildId}.
   *
   * @param guildId the guild the command is about
   * @param command the command
   * @return completes when written
   */
  public CompletableFuture<Void> send(long guildId, GatewayCommand command) {
    return send(guildId, () -> command);
  }

  private CompletableFuture<Void> send(
      long guildId, java.util.function.Supplier<? extends GatewayCommand> command) {
    return guard(() -> shardManager.send(guildId, command.get()));
  }

  private Shard shard(int shardId) {
    return shardManager
        .shard(shardId)
        .orElseThrow(
            () ->
                new GatewayException(
                    GatewayException.Kind.INVALID_COMMAND,
                    "Shard "
                        + shardId
                        + " does not run in this process (it runs "
                        + shardManager.shardIds()
                        + ")"));
  }

  private static CompletableFuture<Void> guard(
      java.util.function.Supplier<CompletableFuture<Void>> action) {
    try {
      return action.get();
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  @Override
  public String toString() {
    return "DiscordGateway[" + shardManager + "]";
  }
}
