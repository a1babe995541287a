package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.ShardResumed;

/** A shard resumed its session: RESUMED arrived after the missed dispatches were replayed. */
public final class ShardResumedEvent extends ShardLifecycleEvent<ShardResumed> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardResumedEvent(Object source, ShardResumed details) {
    super(source, details);
  }

  /** Returns the sequence number reached. */
  public long sequence() {
    return details().sequence();
  }
}
