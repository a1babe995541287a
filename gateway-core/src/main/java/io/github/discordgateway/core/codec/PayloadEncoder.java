package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.protocol.Opcode;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Encodes payloads the client sends ({@code {"op":..,"d":..}}) and refuses, locally, any payload
 * over {@value #MAX_PAYLOAD_BYTES} UTF-8 bytes (Discord would close with 4002).
 *
 * <p>Stateless and thread-safe. Error messages give sizes and opcodes, never payload content (an
 * Identify holds the token).
 *
 * <pre>{@code
 * String heartbeat = PayloadEncoder.encodeHeartbeat(251); // {"op":1,"d":251}
 * }</pre>
 */
public final class PayloadEncoder {

  /** Largest payload Discord accepts, in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  private PayloadEncoder() {}

  /** The wire shape; {@code d} is written even when null. */
  private record Outbound(int op, Object d) {}

  /**
   * Encodes {@code data} as the {@code d} of a payload with {@code opcode}.
   *
   * @param opcode the opcode
   * @param data the {@code d} value (a record, a JDK value or {@code null})
   * @return the payload text
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} when over the limit, {@code
   *     INVALID_COMMAND} when the value cannot be serialized
   */
  public static String encode(Opcode opcode, Object data) {
    Objects.requireNonNull(opcode, "opcode");
    String json;
    try {
      json = GatewayJson.mapper().writeValueAsString(new Outbound(opcode.code(), data));
    } catch (JacksonException e) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Cannot encode payload for op " + opcode.code() + " (" + opcode + ")",
          -1,
          opcode,
          null);
    }
    checkSize(opcode, json);
    return json;
  }

  /**
   * Encodes a command.
   *
   * @param command the command
   * @return the payload text
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} when over the limit
   */
  public static String encode(GatewayCommand command) {
    return encode(command.opcode(), command);
  }

  /**
   * Encodes a heartbeat.
   *
   * @param sequence the last sequence received, or {@link Envelope#NO_SEQUENCE} for {@code null}
   * @return {@code {"op":1,"d":<sequence or null>}}
   */
  public static String encodeHeartbeat(long sequence) {
    return sequence < 0 ? "{\"op\":1,\"d\":null}" : "{\"op\":1,\"d\":" + sequence + "}";
  }

  /**
   * Throws when {@code payload} is over the limit.
   *
   * @param opcode the opcode, for the message
   * @param payload the encoded payload
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE}
   */
  public static void checkSize(Opcode opcode, String payload) {
    int size = utf8Length(payload);
    if (size > MAX_PAYLOAD_BYTES) {
      throw new GatewayException(
          GatewayException.Kind.PAYLOAD_TOO_LARGE,
          "Payload for op "
              + opcode.code()
              + " ("
              + opcode
              + ") is "
              + size
              + " bytes, over the "
              + MAX_PAYLOAD_BYTES
              + "-byte limit; not sent",
          -1,
          opcode,
          null);
    }
  }

  /**
   * Returns the UTF-8 length of {@code s} without encoding it.
   *
   * @param s the text
   * @return its length in UTF-8 bytes
   */
  public static int utf8Length(CharSequence s) {
    int length = s.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
