package io.github.discordgateway.autoconfigure.transport;

/** Thrown (reported) when a received WebSocket message exceeds the configured maximum size. */
public class MessageTooLargeException extends RuntimeException {

  /**
   * Creates the exception.
   *
   * @param message what was too large and the limit
   */
  public MessageTooLargeException(String message) {
    super(message);
  }
}
