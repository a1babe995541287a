package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.ShardEvent;
import org.springframework.context.ApplicationEvent;

/**
 * A change in a shard's lifecycle: connected, resumed, disconnected, reconnecting, fatal, state
 * changed. Published in order with the shard's dispatches, on its delivery thread.
 *
 * <pre>{@code
 * @EventListener
 * void onShard(ShardLifecycleEvent event) {
 *   log.info("shard {}: {}", event.shardId(), event);
 * }
 * }</pre>
 *
 * @param <E> the core event it wraps
 */
public abstract class ShardLifecycleEvent<E extends ShardEvent> extends ApplicationEvent {

  private static final long serialVersionUID = 1L;

  private final transient E details;

  /**
   * Creates an event.
   *
   * @param source the object that published the event
   * @param details the core event
   */
  protected ShardLifecycleEvent(Object source, E details) {
    super(source);
    this.details = details;
  }

  /** Returns the shard the event is about. */
  public int shardId() {
    return details.shardId();
  }

  /** Returns the core event with every detail. */
  public E details() {
    return details;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + details + "]";
  }
}
