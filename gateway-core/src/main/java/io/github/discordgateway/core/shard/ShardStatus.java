package io.github.discordgateway.core.shard;

/**
 * What a shard is doing, as health checks and metrics see it: the one status vocabulary of the
 * library. {@code CONNECTING}, {@code IDENTIFYING}, {@code RESUMING} and {@code CONNECTED} are what
 * the phase of the shard's connection stands for ({@link
 * io.github.discordgateway.core.client.ClientState#status()}); the others are the supervisor's.
 */
public enum ShardStatus {
  /** Not started yet, or stopped on purpose. */
  STOPPED,
  /** Opening a WebSocket connection and waiting for Hello. */
  CONNECTING,
  /** Waiting for an identify permit, or Identify sent and READY not yet received. */
  IDENTIFYING,
  /** Resume sent; missed events are being replayed. */
  RESUMING,
  /** The session is live: events flow and heartbeats are acknowledged. */
  CONNECTED,
  /** Heartbeats went unacknowledged; the connection is being dropped to resume. */
  ZOMBIE,
  /** Waiting (backoff) before the next connection attempt. */
  RECONNECTING,
  /** Stopped for good after a fatal close code (bad token, disallowed intents...). */
  FATAL;

  /** Returns whether the shard is on its way to a session (neither stopped nor fatal). */
  public boolean active() {
    return this != STOPPED && this != FATAL;
  }
}
