package io.github.discordgateway.core.transport;

/**
 * One open WebSocket connection to a gateway, as the core sees it: a {@link FrameSink} plus flow
 * control and a hard abort.
 */
public interface GatewayConnection extends FrameSink {

  /**
   * Drops the connection at once, without a closing handshake (as a lost TCP connection would). The
   * handler's {@link ConnectionHandler#onClosed(int, String)} is then called with 1006.
   */
  void abort();

  /**
   * Stops reading from the socket until {@link #resumeReading()}: used when listeners fall behind,
   * so that the event queue stays bounded. Sending keeps working while reading is paused.
   */
  void pauseReading();

  /** Resumes reading after {@link #pauseReading()}. */
  void resumeReading();

  /** Returns whether the connection is open (neither closing nor closed). */
  boolean isOpen();
}
