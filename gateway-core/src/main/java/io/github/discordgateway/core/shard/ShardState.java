package io.github.discordgateway.core.shard;

import java.time.Duration;
import java.time.Instant;

/**
 * A point-in-time view of one shard for health checks, metrics and operators. It holds no token.
 * The session id is included for the application's own use; health output must not show it.
 *
 * @param shardId the shard id
 * @param shardCount the total shard count
 * @param status what the shard is doing
 * @param since when it entered {@code status}
 * @param reason why it entered {@code status} (for example the close reason), may be empty
 * @param reconnectAttempt consecutive reconnect attempts since the last stable connection
 * @param lastCloseCode the close code of the last disconnect, or -1
 * @param lastCloseReason the close reason of the last disconnect, may be empty
 * @param heartbeatRoundTrip the last heartbeat round trip, or {@code null}
 * @param heartbeatInterval the heartbeat interval of the latest connection (from Hello, clamped),
 *     or {@code null} before the first Hello
 * @param lastHeartbeatAck when the last ACK arrived, or {@code null}
 * @param lastDispatch when the last dispatch arrived, or {@code null}
 * @param sequence the last sequence number, or -1
 * @param sessionId the current session id, or {@code null}
 * @param guildCount the guilds this shard holds
 * @param connections connections opened so far
 * @param identifies identifies sent so far
 * @param resumes resumes sent so far
 */
public record ShardState(
    int shardId,
    int shardCount,
    ShardStatus status,
    Instant since,
    String reason,
    int reconnectAttempt,
    int lastCloseCode,
    String lastCloseReason,
    Duration heartbeatRoundTrip,
    Duration heartbeatInterval,
    Instant lastHeartbeatAck,
    Instant lastDispatch,
    long sequence,
    String sessionId,
    int guildCount,
    long connections,
    long identifies,
    long resumes) {

  @Override
  public String toString() {
    return "ShardState[shard="
        + shardId
        + "/"
        + shardCount
        + ", status="
        + status
        + ", reason="
        + reason
        + ", attempt="
        + reconnectAttempt
        + ", lastClose="
        + lastCloseCode
        + ", rtt="
        + heartbeatRoundTrip
        + ", sequence="
        + sequence
        + ", guilds="
        + guildCount
        + "]";
  }
}
