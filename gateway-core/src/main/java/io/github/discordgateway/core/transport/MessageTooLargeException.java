package io.github.discordgateway.core.transport;

/**
 * Reported to {@link ConnectionHandler#onError(Throwable)} when a received WebSocket message
 * exceeds the transport's maximum message size: the transport stops reading it and closes the
 * connection, so that a hostile or broken server cannot make the process buffer without bound.
 */
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
