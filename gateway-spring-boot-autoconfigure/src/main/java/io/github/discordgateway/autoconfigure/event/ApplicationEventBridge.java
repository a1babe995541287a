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
  private final GatewayListenerErrorHandler errors;
  private volatile Object source;

  /**
   * Creates a bridge.
   *
   * @param publisher publishes the events
   * @param source the source of the events (typically the shard manager)
   */
  public ApplicationEventBridge(ApplicationEventPublisher publisher, Object source) {
    this(publisher, source, null);
  }

  /**
   * Creates a bridge whose events reach every synchronous Spring listener even when one throws.
   *
   * @param publisher publishes the events
   * @param source the source of the events (typically the shard manager)
   * @param errors the error handler installed on the context's multicaster, or {@code null}
   */
  public ApplicationEventBridge(
      ApplicationEventPublisher publisher, Object source, GatewayListenerErrorHandler errors) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.source = Objects.requireNonNull(source, "source");
    this.errors = errors;
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
    if (errors == null) {
      publish(event);
    } else {
      errors.publish(typeOf(event), () -> publish(event));
    }
  }

  /** Returns the type tag of an event: the dispatch name, or the lifecycle event in capitals. */
  static String typeOf(ShardEvent event) {
    if (event instanceof ShardDispatch dispatch) {
      return dispatch.eventType() == null ? "OTHER" : dispatch.type();
    }
    String name = event.getClass().getSimpleName();
    StringBuilder upper = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        upper.append('_');
      }
      upper.append(Character.toUpperCase(c));
    }
    return upper.toString();
  }

  private void publish(ShardEvent event) {
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
