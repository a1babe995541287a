package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.event.ShardFatal;

/**
 * A shard stopped for good (bad token, invalid shard, disallowed intents...): the configuration
 * must be fixed. The error's {@link GatewayException#kind() kind} says which.
 */
public final class ShardFatalEvent extends ShardLifecycleEvent<ShardFatal> {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  public ShardFatalEvent(Object source, ShardFatal details) {
    super(source, details);
  }

  /** Returns the close code, or -1. */
  public int closeCode() {
    return details().closeCode();
  }

  /** Returns the typed error. */
  public GatewayException error() {
    return details().error();
  }
}
