package io.github.discordgateway.core.transport;

import java.nio.ByteBuffer;

/**
 * Receives what arrives on one connection. A transport calls these methods from one thread at a
 * time per connection (except {@link #onReadComplete()}, see there), in the order the frames
 * arrived, and calls {@link #onClosed(int, String)} exactly once, after every message.
 */
public interface ConnectionHandler {

  /**
   * Called once when the connection is open, before any message: from now on the handler may write
   * to {@code connection}.
   *
   * @param connection the new connection
   */
  default void onOpen(GatewayConnection connection) {}

  /**
   * Called with one complete text message.
   *
   * @param text the message
   */
  void onText(String text);

  /**
   * Called with one complete binary message. The buffer is only valid during the call.
   *
   * @param data the message bytes, from position to limit
   */
  void onBinary(ByteBuffer data);

  /**
   * Called when every message of one read from the socket has been passed to {@link
   * #onText(String)} or {@link #onBinary(ByteBuffer)}: the messages the server sent together end
   * here, and the handler may hand them on as one batch instead of one by one.
   *
   * <p>A transport does not have to call it; a handler must then work message by message (the
   * default). A transport that calls it once for a connection calls it after every message it
   * delivers on that connection, at the latest once the read that brought the message is over;
   * several messages may come before one call. Unlike the other methods it may run while the
   * messages of the next read are already being delivered on another thread, and it may follow
   * {@link #onClosed(int, String)}.
   */
  default void onReadComplete() {}

  /**
   * Called once when the connection is closed, by either side or by a network failure.
   *
   * @param code the close code received, or 1006 when the connection dropped without a close frame
   * @param reason the close reason, empty when there was none
   */
  void onClosed(int code, String reason);

  /**
   * Called when the transport hit an error on this connection (for example a message over the size
   * limit). {@link #onClosed(int, String)} follows when the error ended the connection.
   *
   * @param error the error
   */
  default void onError(Throwable error) {}
}
