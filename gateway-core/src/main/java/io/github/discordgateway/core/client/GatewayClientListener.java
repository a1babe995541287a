package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.ReadySession;
import java.time.Duration;

/**
 * Receives what happens on one {@link GatewayClient}.
 *
 * <p><b>Threading:</b> callbacks run on the client's serial executor, one at a time and with no
 * lock held, on whichever thread brought the input (the socket reader, the scheduler, a thread
 * sending a command); {@link #onPayloadDecompressed(int)} runs on the socket reader while it
 * decodes. Callbacks may call back into the client (the call runs after the callback returns). They
 * must return quickly and never block: hand work to a queue (the shard layer puts dispatches on a
 * bounded delivery queue). Exceptions thrown by a callback are logged and otherwise ignored.
 * Dispatches of one client arrive in order.
 */
public interface GatewayClientListener {

  /**
   * The client moved to another phase.
   *
   * @param previous the old phase
   * @param current the new phase
   */
  default void onStateChanged(ClientState previous, ClientState current) {}

  /**
   * Hello arrived; heartbeating starts.
   *
   * @param heartbeatInterval the interval Discord asked for
   */
  default void onHello(Duration heartbeatInterval) {}

  /** Identify was sent (one session start used). */
  default void onIdentifySent() {}

  /** Resume was sent. */
  default void onResumeSent() {}

  /**
   * READY arrived: a new session. {@link #onDispatch(Dispatch)} follows with the READY dispatch.
   *
   * @param ready the decoded READY
   */
  default void onReady(ReadySession ready) {}

  /** RESUMED arrived: the replay is over. {@link #onDispatch(Dispatch)} follows with it. */
  default void onResumed() {}

  /**
   * A dispatch arrived (its sequence number is already recorded).
   *
   * @param dispatch the dispatch
   */
  default void onDispatch(Dispatch dispatch) {}

  /**
   * A binary frame was decompressed into a complete payload (transport compression only).
   *
   * @param bytes the size of the payload after decompression
   */
  default void onPayloadDecompressed(int bytes) {}

  /**
   * A heartbeat was sent.
   *
   * @param sequence the sequence it carried, or -1 for null
   */
  default void onHeartbeatSent(long sequence) {}

  /**
   * A heartbeat was acknowledged.
   *
   * @param roundTrip time from the latest heartbeat to its ACK
   */
  default void onHeartbeatAck(Duration roundTrip) {}

  /**
   * A payload was written to the connection.
   *
   * @param opcode its opcode
   * @param waited how long it waited for the rate limiter
   */
  default void onPayloadSent(Opcode opcode, Duration waited) {}

  /**
   * Something went wrong: bad input from the server, a transport error. When it ends the
   * connection, {@link #onClosed(CloseOutcome)} follows.
   *
   * @param error the error
   */
  default void onError(GatewayException error) {}

  /**
   * The connection is over. Called exactly once.
   *
   * @param outcome why, and what to do next
   */
  default void onClosed(CloseOutcome outcome) {}
}
