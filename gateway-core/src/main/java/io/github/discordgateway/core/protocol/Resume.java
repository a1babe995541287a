package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.GatewayException;

/**
 * The {@code d} of op 6 Resume. {@link #toString()} never shows the token.
 *
 * @param token the bot token
 * @param sessionId the session id from READY
 * @param seq the last sequence number received
 */
public record Resume(String token, @JsonProperty("session_id") String sessionId, long seq) {

  /** Validates the fields. */
  public Resume {
    if (token == null || token.isBlank()) {
      throw new GatewayException(GatewayException.Kind.INVALID_COMMAND, "Resume needs a token");
    }
    if (sessionId == null || sessionId.isEmpty()) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND, "Resume needs a session id");
    }
  }

  @Override
  public String toString() {
    return "Resume[token=<redacted>, sessionId=" + sessionId + ", seq=" + seq + "]";
  }
}
