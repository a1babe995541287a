package io.github.discordgateway.core.transport;

/**
 * Where a gateway client writes its frames. A shard's client writes from a writer thread of the
 * shared send pool, one frame at a time and in order, so a send that blocks on a slow socket delays
 * only that connection; implementations must still be thread-safe (a close may come from another
 * thread) and should bound how long one send may block.
 */
public interface FrameSink {

  /**
   * Sends one text frame holding one complete gateway payload.
   *
   * @param payload the encoded payload (UTF-8 JSON, at most 4096 bytes)
   */
  void sendText(String payload);

  /**
   * Sends one binary frame holding one complete gateway payload (with {@code encoding=etf}).
   * Transports that only send text frames keep this default, which refuses.
   *
   * @param payload the encoded payload (ETF, at most 4096 bytes)
   * @throws UnsupportedOperationException when the transport cannot send binary frames
   */
  default void sendBinary(byte[] payload) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot send binary frames (needed for encoding=etf)");
  }

  /**
   * Starts a closing handshake with {@code code} and {@code reason}. Calling it on a connection
   * that is already closing or closed has no effect.
   *
   * @param code the WebSocket close code (1000 only for a logout; see {@code CloseCode})
   * @param reason a short reason, at most 123 bytes in UTF-8
   */
  void close(int code, String reason);
}
