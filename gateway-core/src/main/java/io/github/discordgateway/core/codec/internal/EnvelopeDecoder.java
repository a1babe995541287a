package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.codec.RawJson;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the envelope of a gateway payload ({@code op}, {@code s}, {@code t}) and copies only the
 * text of {@code d} into a {@link RawJson}, without building it. Key order does not matter and
 * unknown keys are ignored.
 *
 * <p>A single validating pass reads well-formed payloads without a parser object (known event names
 * are returned as shared constants, so the per-payload allocation is the copy of {@code d} and the
 * two small result objects); anything unusual (escaped or non-ASCII event names, deep nesting, and
 * every malformed payload) is read by the streaming parser, which also produces the errors.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Envelope envelope = EnvelopeDecoder.decode(buf, 0, len);
 * }</pre>
 */
public final class EnvelopeDecoder {

  private static final JsonFactory FACTORY = GatewayJson.factory();

  private EnvelopeDecoder() {}

  /**
   * Decodes one payload from UTF-8 bytes. Only the bytes of {@code d} are copied; {@code buf} may
   * be reused once this returns.
   *
   * @param buf the buffer
   * @param off where the payload starts
   * @param len the payload length in bytes
   * @return the envelope
   * @throws GatewayException of kind {@code DECODE_ERROR} for anything but a JSON object with an
   *     integer {@code op}
   */
  public static Envelope decode(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    EnvelopeScanner.Bytes scanner = new EnvelopeScanner.Bytes(buf, off, len);
    if (scanner.scan()) {
      return new Envelope(
          scanner.op,
          scanner.sequence,
          scanner.typeStart < 0 ? null : type(scanner, buf),
          scanner.dataStart < 0
              ? null
              : data(scanner, Arrays.copyOfRange(buf, scanner.dataStart, scanner.dataEnd)));
    }
    return parse(buf, off, len);
  }

  /** Wraps {@code d}, with where its members start when it is an object that has some. */
  private static RawJson data(EnvelopeScanner.Bytes scanner, byte[] d) {
    int[] members = scanner.members();
    return members == null ? RawJson.of(d) : RawJsonMembers.of(d, members);
  }

  /** The parser path alone (package-private for the equivalence tests). */
  static Envelope parse(byte[] buf, int off, int len) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), buf, off, len)) {
      return read(parser, buf, off, null);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes one payload from text.
   *
   * @param json the payload
   * @return the envelope
   * @throws GatewayException of kind {@code DECODE_ERROR} for anything but a JSON object with an
   *     integer {@code op}
   */
  public static Envelope decode(String json) {
    Objects.requireNonNull(json, "json");
    EnvelopeScanner.Chars scanner = new EnvelopeScanner.Chars(json);
    if (scanner.scan()) {
      String type = null;
      if (scanner.typeStart >= 0) {
        type = scanner.knownType();
        if (type == null) {
          type = json.substring(scanner.typeStart, scanner.typeEnd);
        }
      }
      return new Envelope(
          scanner.op,
          scanner.sequence,
          type,
          scanner.dataStart < 0
              ? null
              : RawJson.of(json.substring(scanner.dataStart, scanner.dataEnd)));
    }
    return parse(json);
  }

  /** The parser path alone (package-private for the equivalence tests). */
  static Envelope parse(String json) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return read(parser, null, 0, json);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static String type(EnvelopeScanner scanner, byte[] buf) {
    String known = scanner.knownType();
    return known != null
        ? known
        : new String(
            buf,
            scanner.typeStart,
            scanner.typeEnd - scanner.typeStart,
            java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static Envelope read(JsonParser p, byte[] buf, int off, String text) {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw error("payload is not a JSON object");
    }
    int op = 0;
    boolean hasOp = false;
    long sequence = Envelope.NO_SEQUENCE;
    String type = null;
    RawJson data = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken token = p.nextToken();
      switch (name) {
        case "op" -> {
          if (token != JsonToken.VALUE_NUMBER_INT) {
            throw error("'op' is not an integer");
          }
          op = p.getIntValue();
          hasOp = true;
        }
        case "s" -> {
          if (token == JsonToken.VALUE_NUMBER_INT) {
            sequence = p.getLongValue();
            if (sequence < 0) {
              throw error("'s' is negative");
            }
          } else if (token != JsonToken.VALUE_NULL) {
            throw error("'s' is neither an integer nor null");
          }
        }
        case "t" -> {
          if (token == JsonToken.VALUE_STRING) {
            type = p.getString();
          } else if (token != JsonToken.VALUE_NULL) {
            throw error("'t' is neither a string nor null");
          }
        }
        case "d" ->
            data = token == JsonToken.VALUE_NULL ? null : captureValue(p, token, buf, off, text);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw error("trailing data after the payload object");
    }
    if (!hasOp) {
      throw error("'op' is missing");
    }
    return new Envelope(op, sequence, type, data);
  }

  private static RawJson captureValue(
      JsonParser p, JsonToken token, byte[] buf, int off, String text) {
    boolean bytes = buf != null;
    long start = offset(p.currentTokenLocation(), bytes);
    long end;
    if (token.isStructStart()) {
      p.skipChildren();
      end = offset(p.currentTokenLocation(), bytes) + 1;
    } else {
      p.finishToken();
      end = offset(p.currentLocation(), bytes);
    }
    if (start < 0 || end <= start) {
      throw error("cannot locate 'd' in the payload");
    }
    if (bytes) {
      return RawJson.of(Arrays.copyOfRange(buf, off + (int) start, off + (int) end));
    }
    return RawJson.of(text.substring((int) start, (int) end));
  }

  private static long offset(tools.jackson.core.TokenStreamLocation location, boolean bytes) {
    return bytes ? location.getByteOffset() : location.getCharOffset();
  }

  private static GatewayException error(String what) {
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR, "Malformed gateway payload: " + what);
  }

  private static GatewayException malformed(JacksonException e) {
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR,
        "Malformed gateway payload: " + e.getOriginalMessage(),
        e);
  }
}
