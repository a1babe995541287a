package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.json.OrDefault;
import io.github.discordgateway.core.model.json.Snowflake;
import java.time.OffsetDateTime;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A user's membership in a thread.
 *
 * @param id the thread; {@code null} inside {@code GUILD_CREATE}
 * @param userId the user; {@code null} inside {@code GUILD_CREATE}
 * @param member guild member; only in {@code THREAD_MEMBERS_UPDATE.added_members} and some HTTP
 *     calls
 * @param presence the member's presence; only in {@code THREAD_MEMBERS_UPDATE.added_members}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadMember(
    @Snowflake Long id,
    @Snowflake Long userId,
    OffsetDateTime joinTimestamp,
    @OrDefault int flags,
    Member member,
    Presence presence) {}
