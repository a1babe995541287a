package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Op 8 Request Guild Members, for exactly one guild, by {@code query} or by {@code user_ids} (not
 * both). Discord answers with GUILD_MEMBERS_CHUNK dispatches carrying the same {@code nonce}.
 *
 * <pre>{@code
 * RequestGuildMembers all = RequestGuildMembers.allMembers(guildId).withNonce("req-1");
 * }</pre>
 *
 * @param guildId the guild
 * @param query a username prefix, or {@code ""} for all members; {@code null} with user ids
 * @param limit the most members to send for a query ({@code 0} with an empty query: all); required
 *     with a query
 * @param presences whether to include presences, or {@code null}
 * @param userIds the users to fetch; {@code null} with a query
 * @param nonce echoed in the chunks, at most 32 bytes in UTF-8, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestGuildMembers(
    @JsonProperty("guild_id") @JsonSerialize(using = ToStringSerializer.class) long guildId,
    String query,
    Integer limit,
    Boolean presences,
    @JsonProperty("user_ids") @JsonSerialize(contentUsing = ToStringSerializer.class)
        List<Long> userIds,
    String nonce)
    implements GatewayCommand {

  /** Longest allowed nonce, in UTF-8 bytes. */
  public static final int MAX_NONCE_BYTES = 32;

  /** Validates the fields. */
  public RequestGuildMembers {
    boolean hasQuery = query != null;
    boolean hasIds = userIds != null;
    if (hasQuery == hasIds) {
      throw invalid("Request Guild Members needs either a query or user ids, not both or neither");
    }
    if (hasIds) {
      if (userIds.isEmpty()) {
        throw invalid("Request Guild Members needs at least one user id");
      }
      userIds = List.copyOf(userIds);
    }
    if (hasQuery && limit == null) {
      throw invalid("Request Guild Members needs a limit with a query");
    }
    if (limit != null && limit < 0) {
      throw invalid("Request Guild Members limit must not be negative, got " + limit);
    }
    if (nonce != null) {
      int bytes = nonce.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_NONCE_BYTES) {
        throw invalid("Request Guild Members nonce must be at most 32 bytes, got " + bytes);
      }
    }
  }

  private static GatewayException invalid(String message) {
    return new GatewayException(
        GatewayException.Kind.INVALID_COMMAND, message, -1, Opcode.REQUEST_GUILD_MEMBERS, null);
  }

  /**
   * Requests every member of a guild (needs the GUILD_MEMBERS intent; 1 per guild per 30 s).
   *
   * @param guildId the guild
   * @return the command
   */
  public static RequestGuildMembers allMembers(long guildId) {
    return new RequestGuildMembers(guildId, "", 0, null, null, null);
  }

  /**
   * Requests members whose username starts with {@code query}.
   *
   * @param guildId the guild
   * @param query the prefix
   * @param limit the most members to return (at most 100 are returned)
   * @return the command
   */
  public static RequestGuildMembers byQuery(long guildId, String query, int limit) {
    return new RequestGuildMembers(guildId, query, limit, null, null, null);
  }

  /**
   * Requests specific users.
   *
   * @param guildId the guild
   * @param userIds the users
   * @return the command
   */
  public static RequestGuildMembers byUserIds(long guildId, List<Long> userIds) {
    return new RequestGuildMembers(guildId, null, null, null, userIds, null);
  }

  /**
   * Returns a copy with {@code nonce}.
   *
   * @param nonce at most 32 bytes
   * @return the copy
   */
  public RequestGuildMembers withNonce(String nonce) {
    return new RequestGuildMembers(guildId, query, limit, presences, userIds, nonce);
  }

  /**
   * Returns a copy that asks for presences too.
   *
   * @param presences whether to include presences
   * @return the copy
   */
  public RequestGuildMembers withPresences(boolean presences) {
    return new RequestGuildMembers(guildId, query, limit, presences, userIds, nonce);
  }

  @Override
  @JsonIgnore
  public Opcode opcode() {
    return Opcode.REQUEST_GUILD_MEMBERS;
  }
}
