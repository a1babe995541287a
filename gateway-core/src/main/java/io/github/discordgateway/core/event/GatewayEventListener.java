package io.github.discordgateway.core.event;

/**
 * Receives the events of shards, in order per shard, on a delivery thread (never the socket reader
 * or the heartbeat scheduler). A listener may take its time: while it runs, the shard's queue fills
 * and reading pauses at the queue's capacity; heartbeats go on and nothing is lost. An exception
 * thrown here is logged with the event type and sequence and the next event follows.
 *
 * <pre>{@code
 * GatewayEventListener listener = event -> {
 *   if (event instanceof ShardDispatch d && "MESSAGE_CREATE".equals(d.type())) {
 *     MessageCreate message = d.data().decode(MessageCreate.class);
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface GatewayEventListener {

  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(ShardEvent event);
}
