package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.codec.internal.PassthroughDecompressor;
import io.github.discordgateway.core.codec.internal.ZlibStreamDecompressor;
import io.github.discordgateway.core.codec.internal.ZstdStreamDecompressor;

/**
 * Transport compression of what Discord sends, chosen with the {@code compress} query parameter.
 */
public enum Compression {
  /** No transport compression: payloads arrive as text frames. */
  NONE(null),
  /** One zlib stream per connection; each payload ends with {@code 00 00 FF FF}. */
  ZLIB_STREAM("zlib-stream"),
  /** One zstd stream per connection; each frame is one payload. Needs zstd-jni. */
  ZSTD_STREAM("zstd-stream");

  /** Default limit of one decompressed payload: 64 MiB. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

  private final String queryValue;

  Compression(String queryValue) {
    this.queryValue = queryValue;
  }

  /** Returns the value of the {@code compress} query parameter, or {@code null} for none. */
  public String queryValue() {
    return queryValue;
  }

  /**
   * Creates the decompressor for one new connection.
   *
   * @param maxPayloadBytes the largest decompressed payload accepted
   * @return a new decompressor (for {@link #NONE} one that passes frames through)
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECOMPRESSION_ERROR} when
   *     zstd is asked for and zstd-jni is not on the class path
   */
  public PayloadDecompressor newDecompressor(int maxPayloadBytes) {
    return switch (this) {
      case NONE -> new PassthroughDecompressor();
      case ZLIB_STREAM -> new ZlibStreamDecompressor(maxPayloadBytes);
      case ZSTD_STREAM -> ZstdStreamDecompressor.create(maxPayloadBytes);
    };
  }

  /**
   * Finds a value by its query form ({@code zlib-stream}), enum name, or {@code none}.
   *
   * @param value the text
   * @return the compression
   * @throws IllegalArgumentException for an unknown value
   */
  public static Compression parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) {
      return NONE;
    }
    for (Compression c : values()) {
      if (value.equalsIgnoreCase(c.queryValue) || value.equalsIgnoreCase(c.name())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "Unknown compression '" + value + "': use none, zlib-stream or zstd-stream");
  }
}
