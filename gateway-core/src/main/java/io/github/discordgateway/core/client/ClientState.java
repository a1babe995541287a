package io.github.discordgateway.core.client;

/** The phases of one {@link GatewayClient} (one connection). */
public enum ClientState {
  /** Connected, waiting for op 10 Hello. Nothing is sent in this phase. */
  HELLO,
  /** Hello received; waiting for an identify permit, Identify sent, waiting for READY. */
  IDENTIFYING,
  /** Hello received; Resume sent, replayed dispatches arriving until RESUMED. */
  RESUMING,
  /** READY or RESUMED received: the session is live and commands flow. */
  CONNECTED,
  /** The connection is over; the client is dead. */
  CLOSED
}
