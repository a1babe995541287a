package io.github.discordgateway.core.client;

import io.github.discordgateway.core.shard.ShardStatus;
import java.util.Optional;

/**
 * The phases of one {@link GatewayClient} (one connection). Each live phase stands for one {@link
 * ShardStatus}, the status a shard reports while its connection is in that phase, so the two never
 * need translating: {@code ShardStatus} is the vocabulary users see, {@code ClientState} the finer
 * view of one connection.
 */
public enum ClientState {
  /** Connected, waiting for op 10 Hello. Nothing is sent in this phase. */
  HELLO(ShardStatus.CONNECTING),
  /** Hello received; waiting for an identify permit, Identify sent, waiting for READY. */
  IDENTIFYING(ShardStatus.IDENTIFYING),
  /** Hello received; Resume sent, replayed dispatches arriving until RESUMED. */
  RESUMING(ShardStatus.RESUMING),
  /** READY or RESUMED received: the session is live and commands flow. */
  CONNECTED(ShardStatus.CONNECTED),
  /** The connection is over; the client is dead. */
  CLOSED(null);

  private final ShardStatus status;

  ClientState(ShardStatus status) {
    this.status = status;
  }

  /**
   * Returns the shard status this phase stands for; empty for {@link #CLOSED}, after which the
   * close outcome decides what the shard does (reconnect, stop, or stop for good).
   */
  public Optional<ShardStatus> status() {
    return Optional.ofNullable(status);
  }
}
