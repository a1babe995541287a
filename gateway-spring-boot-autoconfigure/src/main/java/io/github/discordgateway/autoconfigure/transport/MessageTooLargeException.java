package io.github.discordgateway.autoconfigure.transport;

/**
 * Thrown (reported) when a received WebSocket message exceeds the configured maximum size; the
 * Spring transport's own type, a {@link
 * io.github.discordgateway.core.transport.MessageTooLargeException} like every transport's.
 */
public class MessageTooLargeException
    extends io.github.discordgateway.core.transport.MessageTooLargeException {

  /**
   * Creates the exception.
   *
   * @param message what was too large and the limit
   */
  public MessageTooLargeException(String message) {
    super(message);
  }
}
