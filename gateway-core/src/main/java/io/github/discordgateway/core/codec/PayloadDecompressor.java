package io.github.discordgateway.core.codec;

import java.nio.ByteBuffer;

/**
 * Turns the binary frames of one connection into complete payloads. One instance per connection,
 * never reused: a new connection (also a resume) needs a new one. Calls come from one thread at a
 * time (the connection's reader); {@link #close()} may come from any thread and is idempotent.
 */
public interface PayloadDecompressor extends AutoCloseable {

  /**
   * Feeds one binary frame and emits every payload it completes (zero or more).
   *
   * @param frame the frame bytes, from position to limit; consumed by this call
   * @param sink receives each complete payload
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECOMPRESSION_ERROR} when
   *     the stream is corrupt (the decompressor is unusable afterwards) or a payload is too large
   */
  void feed(ByteBuffer frame, PayloadSink sink);

  /** Releases native resources. Further frames are ignored. */
  @Override
  void close();
}
