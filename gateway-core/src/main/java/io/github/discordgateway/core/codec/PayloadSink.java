package io.github.discordgateway.core.codec;

/** Receives complete payloads from a {@link PayloadDecompressor}. */
@FunctionalInterface
public interface PayloadSink {

  /**
   * Called with one complete payload. The bytes are only valid during the call: copy what must be
   * kept.
   *
   * @param buf the buffer
   * @param off where the payload starts
   * @param len its length
   */
  void accept(byte[] buf, int off, int len);
}
