package io.github.discordgateway.autoconfigure.transport;

/**
 * Reported when the server sends pings faster than {@link PingBudget} allows: the connection is
 * closed with 1008 and dropped, so that answering a flood does not take the CPU that the other
 * shards of the process need for their heartbeats. The Spring transport's own type, a {@link
 * io.github.discordgateway.core.transport.ControlFrameFloodException} like every transport's.
 */
public class ControlFrameFloodException
    extends io.github.discordgateway.core.transport.ControlFrameFloodException {

  /**
   * Creates the exception.
   *
   * @param message how many pings in what time
   */
  public ControlFrameFloodException(String message) {
    super(message);
  }
}
