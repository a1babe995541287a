package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.event.ShardDisconnected;

/** A shard's connection ended; {@link #willResume()} says whether the session goes on. */
public final class ShardDisconnectedEvent extends ShardLifecycleEvent<ShardDisconnected> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardDisconnectedEvent(Object source, ShardDisconnected details) {
    super(source, details);
  }

  /** Returns the close code (1006 when the connection dropped). */
  public int code() {
    return details().code();
  }

  /** Returns the close reason, possibly empty. */
  public String reason() {
    return details().reason();
  }

  /** Returns what the shard does next: resume, identify again, or stop. */
  public NextStep nextStep() {
    return details().nextStep();
  }

  /** Returns whether the shard will try to resume the session. */
  public boolean willResume() {
    return details().willResume();
  }

  /** Returns whether this side closed the connection. */
  public boolean closedLocally() {
    return details().closedLocally();
  }

  /** Returns whether the connection closed because heartbeats were not acknowledged. */
  public boolean zombie() {
    return details().zombie();
  }
}
