package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code d} of the READY dispatch, reduced to what the gateway layer needs. Unknown keys are
 * ignored; the full objects belong to the model package.
 *
 * @param v the API version
 * @param user the bot's own user
 * @param guilds the guilds of this session, all unavailable until their GUILD_CREATE
 * @param sessionId the session id, needed to resume
 * @param resumeGatewayUrl the URL to resume through
 * @param shard the shard, when one was sent in Identify
 * @param application the application id and flags
 */
public record ReadySession(
    int v,
    SelfUser user,
    List<UnavailableGuild> guilds,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("resume_gateway_url") String resumeGatewayUrl,
    ShardInfo shard,
    PartialApplication application) {

  /** Replaces a missing guild list with an empty one. */
  public ReadySession {
    guilds = guilds == null ? List.of() : List.copyOf(guilds);
  }

  /** Returns the ids of the guilds of this session. */
  public List<Long> guildIds() {
    List<Long> ids = new ArrayList<>(guilds.size());
    for (UnavailableGuild guild : guilds) {
      ids.add(guild.id());
    }
    return ids;
  }

  /**
   * The bot's own user as READY carries it (minimal).
   *
   * @param id the user id
   * @param username the user name
   * @param discriminator the legacy discriminator, may be {@code null} or "0"
   * @param globalName the display name, may be {@code null}
   * @param bot whether the user is a bot
   */
  public record SelfUser(
      long id,
      String username,
      String discriminator,
      @JsonProperty("global_name") String globalName,
      Boolean bot) {}

  /**
   * A guild that is not available yet (or during an outage).
   *
   * @param id the guild id
   * @param unavailable whether the guild is unavailable
   */
  public record UnavailableGuild(long id, Boolean unavailable) {}

  /**
   * The application of the bot.
   *
   * @param id the application id
   * @param flags the application flags
   */
  public record PartialApplication(long id, long flags) {}
}
