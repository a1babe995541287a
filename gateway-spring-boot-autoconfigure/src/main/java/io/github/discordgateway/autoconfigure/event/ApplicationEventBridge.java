package io.github.discordgateway.autoconfigure.event;

import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardConnected;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardResumed;
import io.github.discordgateway.core.event.ShardStateChanged;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes shard events as Spring application events: each dispatch once, as its typed event
 * ({@link DispatchEvent} for unknown names), and each lifecycle change as its {@link
 * ShardLifecycleEvent}. It runs on the shard's delivery thread, so the events of one shard are
 * published in sequence order; synchronous listeners run on that thread, {@code @Async} ones on
 * their executor. Per dispatch it creates one event object through a factory looked up by ordinal
 * and decodes nothing.
 *
 * <pre>{@code
 * ShardManager manager = ShardManager.builder(settings, transport)
 *     .listener(new ApplicationEventBridge(context, source))
 *     .build();
 * }</pre>
 */
public final class ApplicationEventBridge implements GatewayEventListener {

  private final ApplicationEventPublisher publisher;
  private volatile Object source;

  /**
   * Creates a bridge.
   *
   * @param publisher publishes the events
   * @param source the source of the events (typically the shard manager)
   */
  public ApplicationEventBridge(ApplicationEventPublisher publisher, Object source) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Sets the source of the events published from now on (the shard manager, once it is built).
   *
   * @param source the source
   */
  public void source(Object source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public void onEvent(ShardEvent event) {
    Object src = source;
    if (event instanceof ShardDispatch dispatch) {
      publisher.publishEvent(
          DispatchEvents.create(
              src,
              dispatch.shardId(),
              dispatch.sequence(),
              dispatch.type(),
              dispatch.eventType(),
              dispatch.data()));
    } else if (event instanceof ShardStateChanged changed) {
      publisher.publishEvent(new ShardStateChangedEvent(src, changed));
    } else if (event instanceof ShardConnected connected) {
      publisher.publishEvent(new ShardConnectedEvent(src, connected));
    } else if (event instanceof ShardResumed resumed) {
      publisher.publishEvent(new ShardResumedEvent(src, resumed));
    } else if (event instanceof ShardDisconnected disconnected) {
      publisher.publishEvent(new ShardDisconnectedEvent(src, disconnected));
    } else if (event instanceof ShardReconnecting reconnecting) {
      publisher.publishEvent(new ShardReconnectingEvent(src, reconnecting));
    } else if (event instanceof ShardFatal fatal) {
      publisher.publishEvent(new ShardFatalEvent(src, fatal));
    }
  }

  @Override
  public String toString() {
    return "ApplicationEventBridge";
  }
}
