package io.github.discordgateway.core.command;

import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Presence;
import java.util.List;

/**
 * Everything the GUILD_MEMBERS_CHUNK replies to one Request Guild Members carried, gathered from
 * all its chunks in order.
 *
 * @param guildId the guild
 * @param nonce the nonce that tied the chunks to the request
 * @param members the members of every chunk
 * @param presences the presences of every chunk (empty unless requested and allowed)
 * @param notFound the requested user ids that matched no member
 */
public record GuildMembers(
    long guildId,
    String nonce,
    List<Member> members,
    List<Presence> presences,
    List<Long> notFound) {

  /** Copies the lists. */
  public GuildMembers {
    members = List.copyOf(members);
    presences = List.copyOf(presences);
    notFound = List.copyOf(notFound);
  }
}
