package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.json.Snowflake;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code MESSAGE_CREATE}: a message was sent.
 *
 * <p>The message object's keys and the gateway extras share one JSON object; read the message
 * through {@link #message()}, e.g. {@code event.message().content()}.
 *
 * @param message the message
 * @param guildId guild, {@code null} for DMs and ephemeral messages
 * @param member the author's partial member (without {@code user}), {@code null} for DMs, webhooks
 *     and ephemeral messages
 * @param channelType type of the channel the message was sent in, {@code null} if absent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageCreate(
    @JsonUnwrapped Message message, @Snowflake Long guildId, Member member, Integer channelType) {

  /** Returns the message's channel id. */
  public long channelId() {
    return message.channelId();
  }

  /** Returns the author, {@code null} if absent. */
  public User author() {
    return message.author();
  }
}
