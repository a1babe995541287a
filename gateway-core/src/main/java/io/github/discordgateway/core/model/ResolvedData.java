package io.github.discordgateway.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.SnowflakeKeys;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Objects referenced by interaction options or a message, each map keyed by id (empty when absent).
 * Members are partial (no {@code user}, {@code deaf}, {@code mute}); channels and messages are
 * partial.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolvedData(
    @SnowflakeKeys Map<Long, User> users,
    @SnowflakeKeys Map<Long, Member> members,
    @SnowflakeKeys Map<Long, Role> roles,
    @SnowflakeKeys Map<Long, Channel> channels,
    @SnowflakeKeys Map<Long, Message> messages,
    @SnowflakeKeys Map<Long, Attachment> attachments) {

  /** Normalises absent collections to empty ones. */
  public ResolvedData {
    users = Lists.of(users);
    members = Lists.of(members);
    roles = Lists.of(roles);
    channels = Lists.of(channels);
    messages = Lists.of(messages);
    attachments = Lists.of(attachments);
  }
}
