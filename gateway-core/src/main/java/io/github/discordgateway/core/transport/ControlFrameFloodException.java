package io.github.discordgateway.core.transport;

/**
 * Reported to {@link ConnectionHandler#onError(Throwable)} when the server sends control frames
 * (pings) faster than a transport answers them: the connection is closed with 1008 and dropped, so
 * that answering a flood does not take the CPU that the other shards of the process need for their
 * heartbeats.
 */
public class ControlFrameFloodException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message how many pings in what time
   */
  public ControlFrameFloodException(String message) {
    super(message);
  }
}
