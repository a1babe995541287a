package io.github.discordgateway.autoconfigure.endpoint;

import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code discordgateway} actuator endpoint. Reading it lists this instance's shards (id, state,
 * latency, guilds, last close); writing to it drops a shard's connection so that it resumes on a
 * new one. Its default access is read-only: allow the write operations with {@code
 * management.endpoint.discordgateway.access=unrestricted}.
 *
 * <pre>{@code
 * GET  /actuator/discordgateway       -> {"totalShards":2,"shards":[{"id":0,"state":"CONNECTED",...}]}
 * GET  /actuator/discordgateway/1     -> one shard (404 when this instance does not run it)
 * POST /actuator/discordgateway       -> reconnect (resume) every shard
 * POST /actuator/discordgateway/1     -> reconnect (resume) shard 1
 * }</pre>
 */
@Endpoint(id = "discordgateway", defaultAccess = Access.READ_ONLY)
public class DiscordGatewayEndpoint {

  private static final Logger log = LoggerFactory.getLogger(DiscordGatewayEndpoint.class);

  private final ShardManager manager;
  private final InstantSource clock;

  /**
   * Creates the endpoint.
   *
   * @param manager the shards of this instance
   * @param clock the time source of the shard manager
   */
  public DiscordGatewayEndpoint(ShardManager manager, InstantSource clock) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Lists the shards of this instance.
   *
   * @return the table
   */
  @ReadOperation
  public ShardsDescriptor shards() {
    Instant now = clock.instant();
    List<ShardDescriptor> rows =
        manager.shards().values().stream().map(shard -> describe(shard, now)).toList();
    return new ShardsDescriptor(manager.totalShards(), rows);
  }

  /**
   * Describes one shard.
   *
   * @param id the shard id
   * @return the shard, or {@code null} (404) when this instance does not run it
   */
  @ReadOperation
  public ShardDescriptor shard(@Selector int id) {
    return manager.shard(id).map(shard -> describe(shard, clock.instant())).orElse(null);
  }

  /**
   * Drops every running shard's connection; each resumes its session on a new one.
   *
   * @return which shards were asked to reconnect, and which were not running
   */
  @WriteOperation
  public ReconnectDescriptor reconnectAll() {
    List<Integer> requested = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    for (Shard shard : manager.shards().values()) {
      reconnect(shard, requested, skipped);
    }
    return new ReconnectDescriptor(requested, skipped);
  }

  /**
   * Drops one shard's connection; it resumes its session on a new one.
   *
   * @param id the shard id
   * @return whether it was asked to reconnect, or {@code null} (404) when this instance does not
   *     run it
   */
  @WriteOperation
  public ReconnectDescriptor reconnect(@Selector int id) {
    return manager
        .shard(id)
        .map(
            shard -> {
              List<Integer> requested = new ArrayList<>();
              List<Integer> skipped = new ArrayList<>();
              reconnect(shard, requested, skipped);
              return new ReconnectDescriptor(requested, skipped);
            })
        .orElse(null);
  }

  private static void reconnect(Shard shard, List<Integer> requested, List<Integer> skipped) {
    if (shard.status().active()) {
      log.info("[shard {}] reconnect requested through the actuator endpoint", shard.id());
      shard.reconnect();
      requested.add(shard.id());
    } else {
      skipped.add(shard.id());
    }
  }

  private static ShardDescriptor describe(Shard shard, Instant now) {
    ShardState state = shard.state();
    Duration latency = state.heartbeatRoundTrip();
    return new ShardDescriptor(
        state.shardId(),
        state.status().name(),
        state.since(),
        state.reason(),
        latency == null ? null : latency.toMillis(),
        state.lastHeartbeatAck() == null
            ? null
            : Math.max(0, Duration.between(state.lastHeartbeatAck(), now).toMillis()),
        state.guildCount(),
        state.sequence(),
        state.reconnectAttempt(),
        state.lastCloseCode() < 0 ? null : state.lastCloseCode(),
        state.lastCloseCode() < 0 ? null : state.lastCloseReason(),
        shard.queuedEvents(),
        state.connections(),
        state.identifies(),
        state.resumes());
  }

  /**
   * The shards of this instance.
   *
   * @param totalShards the bot's total shard count
   * @param shards one row per shard of this instance
   */
  public record ShardsDescriptor(int totalShards, List<ShardDescriptor> shards) {}

  /**
   * One shard. It holds neither the token nor the session id.
   *
   * @param id the shard id
   * @param state its status
   * @param since when it entered that status
   * @param reason why it entered that status
   * @param latencyMillis the last heartbeat round trip, or {@code null}
   * @param millisSinceHeartbeatAck time since the last heartbeat ACK, or {@code null}
   * @param guilds guilds it holds
   * @param sequence the last sequence number, or -1
   * @param reconnectAttempts consecutive reconnect attempts
   * @param lastCloseCode the close code of the last disconnect, or {@code null}
   * @param lastCloseReason the close reason of the last disconnect, or {@code null}
   * @param queuedEvents events waiting for listeners
   * @param connections connections opened
   * @param identifies identifies sent
   * @param resumes resumes sent
   */
  public record ShardDescriptor(
      int id,
      String state,
      Instant since,
      String reason,
      Long latencyMillis,
      Long millisSinceHeartbeatAck,
      int guilds,
      long sequence,
      int reconnectAttempts,
      Integer lastCloseCode,
      String lastCloseReason,
      int queuedEvents,
      long connections,
      long identifies,
      long resumes) {}

  /**
   * The outcome of a reconnect request.
   *
   * @param reconnecting shards whose connection was dropped to resume
   * @param notRunning shards left alone because they are stopped or stopped for good
   */
  public record ReconnectDescriptor(List<Integer> reconnecting, List<Integer> notRunning) {}
}
