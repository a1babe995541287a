package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.ShardStateChanged;
import io.github.discordgateway.core.shard.ShardStatus;

/** A shard moved from one status to another. */
public final class ShardStateChangedEvent extends ShardLifecycleEvent<ShardStateChanged> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardStateChangedEvent(Object source, ShardStateChanged details) {
    super(source, details);
  }

  /** Returns the old status. */
  public ShardStatus previous() {
    return details().previous();
  }

  /** Returns the new status. */
  public ShardStatus current() {
    return details().current();
  }

  /** Returns why the status changed, possibly empty. */
  public String reason() {
    return details().reason();
  }
}
