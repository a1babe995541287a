package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardEvent;
import java.util.List;

/**
 * Hands each event to several listeners, in order. A listener that throws does not keep the event
 * from the others; the first error is rethrown afterwards so the shard logs and counts it.
 */
final class CompositeGatewayEventListener implements GatewayEventListener {

  private final GatewayEventListener[] listeners;

  CompositeGatewayEventListener(List<GatewayEventListener> listeners) {
    this.listeners = listeners.toArray(GatewayEventListener[]::new);
  }

  @Override
  public void onEvent(ShardEvent event) {
    RuntimeException failure = null;
    for (GatewayEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException ex) {
        if (failure == null) {
          failure = ex;
        } else {
          failure.addSuppressed(ex);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CompositeGatewayEventListener" + List.of(listeners);
  }
}
