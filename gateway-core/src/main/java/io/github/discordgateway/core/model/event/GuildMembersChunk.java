package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import io.github.discordgateway.core.model.json.SnowflakeList;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GUILD_MEMBERS_CHUNK}: one chunk of the reply to op 8 Request Guild Members.
 *
 * @param chunkIndex index of this chunk, {@code 0 <= chunkIndex < chunkCount}
 * @param chunkCount total chunks of the request
 * @param notFound requested ids that matched no member; read from strings or numbers, since Discord
 *     echoes ids that were not 64-bit sized as numbers (empty when absent)
 * @param presences presences when requested (empty when absent)
 * @param nonce the request's nonce, {@code null} if none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuildMembersChunk(
    @Snowflake long guildId,
    List<Member> members,
    @OrDefault int chunkIndex,
    @OrDefault int chunkCount,
    @SnowflakeList List<Long> notFound,
    List<Presence> presences,
    String nonce) {

  /** Normalises absent collections to empty ones. */
  public GuildMembersChunk {
    members = Lists.of(members);
    notFound = Lists.of(notFound);
    presences = Lists.of(presences);
  }

  /** Returns whether this is the last chunk of its request. */
  public boolean last() {
    return chunkIndex >= chunkCount - 1;
  }
}
