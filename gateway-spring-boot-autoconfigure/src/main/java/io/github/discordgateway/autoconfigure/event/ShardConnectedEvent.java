package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.ShardConnected;

/** A shard started a new session: READY arrived. */
public final class ShardConnectedEvent extends ShardLifecycleEvent<ShardConnected> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardConnectedEvent(Object source, ShardConnected details) {
    super(source, details);
  }

  /** Returns the number of guilds listed in READY. */
  public int guildCount() {
    return details().guildCount();
  }
}
