package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.codec.internal.EtfFrameSink;
import io.github.discordgateway.core.codec.internal.EtfToJson;
import io.github.discordgateway.core.codec.internal.JsonToEtf;
import io.github.discordgateway.core.transport.FrameSink;
import java.util.Locale;

/**
 * The gateway {@code encoding}: how payloads are written on the wire, under any transport
 * compression. Both yield the same {@link Envelope} (with {@code d} as JSON), so everything above
 * the codec is the same for either.
 *
 * <pre>{@code
 * Envelope envelope = Encoding.ETF.decode(bytes, 0, bytes.length);
 * byte[] frame = Encoding.ETF.encode(PayloadEncoder.encodeHeartbeat(42));
 * }</pre>
 */
public enum Encoding {
  /** JSON text frames (the default). */
  JSON("json"),
  /**
   * Erlang External Term Format binary frames, as Discord documents it: decoded by transcoding to
   * JSON, commands written with binary (never atom) keys.
   */
  ETF("etf");

  /** The largest JSON an ETF payload may become, when no limit is given. */
  public static final int DEFAULT_MAX_JSON_BYTES = Compression.DEFAULT_MAX_PAYLOAD_BYTES * 4;

  private static final ThreadLocal<EtfToJson> TRANSCODERS =
      ThreadLocal.withInitial(() -> new EtfToJson(DEFAULT_MAX_JSON_BYTES));

  private final String value;

  Encoding(String value) {
    this.value = value;
  }

  /** Returns the value of the {@code encoding} query parameter. */
  public String value() {
    return value;
  }

  /** Returns whether payloads travel in binary frames. */
  public boolean binary() {
    return this == ETF;
  }

  /**
   * Decodes one complete payload.
   *
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when it is
   *     malformed
   */
  public Envelope decode(byte[] buf, int off, int len) {
    return decode(buf, off, len, DEFAULT_MAX_JSON_BYTES);
  }

  /**
   * Decodes one complete payload, accepting an ETF payload only while its JSON stays within {@code
   * maxJsonBytes} (see {@link #maxJsonBytes(int)}).
   *
   * @param maxJsonBytes the largest JSON an ETF payload may become
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when it is
   *     malformed or its JSON would exceed {@code maxJsonBytes}
   */
  public Envelope decode(byte[] buf, int off, int len, int maxJsonBytes) {
    if (this == JSON) {
      return EnvelopeDecoder.decode(buf, off, len);
    }
    byte[] json = toJson(buf, off, len, maxJsonBytes);
    return EnvelopeDecoder.decode(json, 0, json.length);
  }

  /**
   * Returns the largest JSON an ETF payload may become when payloads may be {@code maxPayloadBytes}
   * long: four times that (JSON of the same data is usually smaller than its ETF, but escapes and
   * small integers make it longer), at most {@code Integer.MAX_VALUE - 8}.
   *
   * @param maxPayloadBytes the largest (decompressed) payload accepted
   */
  public static int maxJsonBytes(int maxPayloadBytes) {
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive");
    }
    return (int) Math.min(4L * maxPayloadBytes, Integer.MAX_VALUE - 8);
  }

  /**
   * Converts one payload of this encoding to UTF-8 JSON (a copy for JSON).
   *
   * @param maxJsonBytes the largest JSON accepted
   * @throws io.github.discordgateway.core.GatewayException of kind {@code DECODE_ERROR} when it is
   *     malformed or its JSON would exceed {@code maxJsonBytes}
   */
  public byte[] toJson(byte[] buf, int off, int len, int maxJsonBytes) {
    if (this == JSON) {
      return java.util.Arrays.copyOfRange(buf, off, off + len);
    }
    // one transcoder (and its output buffer) per thread, kept while the limit stays the same
    EtfToJson transcoder = TRANSCODERS.get();
    if (transcoder.maxOutput() != maxJsonBytes) {
      transcoder = new EtfToJson(maxJsonBytes);
      TRANSCODERS.set(transcoder);
    }
    return transcoder.transcode(buf, off, len);
  }

  /**
   * Encodes a JSON payload (as {@link PayloadEncoder} writes them) in this encoding.
   *
   * @return UTF-8 JSON for {@link #JSON}, ETF bytes for {@link #ETF}
   */
  public byte[] encode(String json) {
    return this == JSON
        ? json.getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : JsonToEtf.encode(json);
  }

  /**
   * Throws when {@code json}, written in this encoding, is over Discord's 4096-byte limit: ETF can
   * be larger than the same JSON (each binary key and string carries a 5-byte header).
   *
   * @param opcode the opcode, for the message
   * @param json the payload as {@link PayloadEncoder} wrote it
   * @throws io.github.discordgateway.core.GatewayException of kind {@code PAYLOAD_TOO_LARGE}
   */
  public void checkSize(io.github.discordgateway.core.protocol.Opcode opcode, String json) {
    PayloadEncoder.checkSize(opcode, json);
    if (this == ETF) {
      int size = JsonToEtf.encode(json).length;
      if (size > PayloadEncoder.MAX_PAYLOAD_BYTES) {
        throw new io.github.discordgateway.core.GatewayException(
            io.github.discordgateway.core.GatewayException.Kind.PAYLOAD_TOO_LARGE,
            "Payload for op "
                + opcode.code()
                + " ("
                + opcode
                + ") is "
                + size
                + " bytes in ETF, over the "
                + PayloadEncoder.MAX_PAYLOAD_BYTES
                + "-byte limit");
      }
    }
  }

  /**
   * Returns the sink through which a client sends in this encoding: {@code sink} itself for JSON;
   * for ETF, a sink that sends each JSON payload given to {@link FrameSink#sendText} as an ETF
   * binary frame.
   */
  public FrameSink wrap(FrameSink sink) {
    return this == JSON ? sink : new EtfFrameSink(sink);
  }

  /**
   * Parses {@code json} or {@code etf}, case-insensitively.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Encoding parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Encoding e : values()) {
      if (e.value.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("Unknown encoding '" + value + "': use json or etf");
  }
}
