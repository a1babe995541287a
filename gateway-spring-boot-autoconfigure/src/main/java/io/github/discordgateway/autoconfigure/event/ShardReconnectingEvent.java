package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.ShardReconnecting;
import java.time.Duration;

/** A shard will open a new connection after a delay. */
public final class ShardReconnectingEvent extends ShardLifecycleEvent<ShardReconnecting> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardReconnectingEvent(Object source, ShardReconnecting details) {
    super(source, details);
  }

  /** Returns the attempt number since the last stable connection (from 1). */
  public int attempt() {
    return details().attempt();
  }

  /** Returns the wait before connecting. */
  public Duration delay() {
    return details().delay();
  }

  /** Returns whether the shard will resume (else identify). */
  public boolean resume() {
    return details().resume();
  }

  /** Returns why the shard reconnects. */
  public String reason() {
    return details().reason();
  }
}
