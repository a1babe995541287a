package io.github.discordgateway.autoconfigure.event;

/**
 * Is told about each Spring listener that threw on a gateway event (the metrics auto-configuration
 * counts them as {@code discord.gateway.listener.errors}). Implementations must be quick and must
 * not throw; they run on the shard's delivery thread.
 *
 * <pre>{@code
 * @Bean
 * ListenerErrorRecorder alertOnListenerErrors(Alerts alerts) {
 *   return (type, error) -> alerts.raise("listener failed on " + type);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ListenerErrorRecorder {

  /**
   * Records one failed listener invocation.
   *
   * @param eventType the dispatch name ({@code MESSAGE_CREATE}, {@code OTHER} for names this
   *     version does not know) or the lifecycle event ({@code SHARD_DISCONNECTED})
   * @param error what the listener threw
   */
  void listenerFailed(String eventType, Throwable error);
}
