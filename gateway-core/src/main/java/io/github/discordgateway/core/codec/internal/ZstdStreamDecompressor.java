package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.PayloadDecompressor;

/**
 * {@code zstd-stream} transport compression over the optional zstd-jni library: one decompression
 * context per connection, each binary frame decodes to exactly one payload although the zstd frame
 * never ends.
 */
public final class ZstdStreamDecompressor {

  private static final String ZSTD_CLASS = "com.github.luben.zstd.ZstdDecompressCtx";

  private ZstdStreamDecompressor() {}

  /** Returns whether zstd-jni is on the class path. */
  public static boolean isAvailable() {
    try {
      Class.forName(ZSTD_CLASS, false, ZstdStreamDecompressor.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Creates the decompressor of one connection.
   *
   * @param maxPayloadBytes the largest decompressed payload accepted
   * @return a new decompressor
   * @throws GatewayException of kind {@code DECOMPRESSION_ERROR} when zstd-jni is missing or its
   *     native library cannot be loaded
   */
  public static PayloadDecompressor create(int maxPayloadBytes) {
    if (!isAvailable()) {
      throw new GatewayException(
          GatewayException.Kind.DECOMPRESSION_ERROR,
          "zstd-stream compression needs com.github.luben:zstd-jni on the class path;"
              + " add it or use zlib-stream");
    }
    try {
      return new ZstdJniDecompressor(maxPayloadBytes);
    } catch (LinkageError e) {
      throw new GatewayException(
          GatewayException.Kind.DECOMPRESSION_ERROR,
          "zstd-jni is present but its native library could not be loaded: " + e.getMessage(),
          e);
    }
  }
}
