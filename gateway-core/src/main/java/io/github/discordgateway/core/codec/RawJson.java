package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.internal.RawJsonMembers;
import io.github.discordgateway.core.codec.internal.ReusableJsonParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * One JSON value kept as text, decoded only when asked, and at most once per target. The {@code d}
 * of a payload arrives as a {@code RawJson}, so a dispatch nobody reads is never bound to objects.
 *
 * <p>Instances are immutable from the outside and safe to share between threads: the memoized forms
 * are computed at most once each (a failed decode is not remembered and does not affect other
 * targets).
 *
 * <pre>{@code
 * Ready ready = dispatch.data().decode(Ready.class);
 * JsonNode tree = dispatch.data().tree();
 * }</pre>
 */
public final class RawJson {

  // One reader per target type: it holds the type's root deserializer, so a decode skips the
  // mapper's per-call type and deserializer look-ups.
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return GatewayJson.mapper().readerFor(type);
        }
      };

  private static final Object[] NONE = {};

  static {
    RawJsonMembers.register(
        new RawJsonMembers.Access() {
          @Override
          public RawJson of(byte[] utf8, int[] members) {
            return new RawJson(utf8, null, members);
          }

          @Override
          public int[] members(RawJson raw) {
            return raw.members;
          }
        });
  }

  private final byte[] bytes;
  private final String text;
  // Internal: where each top-level member of an object starts, when the envelope decoder has
  // already found them (read by the lazy field index); null otherwise.
  private final int[] members;
  private volatile byte[] encoded;
  private volatile String string;
  private volatile JsonNode tree;
  // Decoded values per target class; tiny (usually 0 or 1 entries), guarded by this.
  private Object[] decoded = NONE;

  private RawJson(byte[] bytes, String text, int[] members) {
    this.bytes = bytes;
    this.text = text;
    this.members = members;
  }

  /**
   * Wraps UTF-8 JSON bytes. The array is kept, not copied: the caller must not change it.
   *
   * @param utf8 one complete JSON value
   * @return the raw value
   */
  public static RawJson of(byte[] utf8) {
    return new RawJson(Objects.requireNonNull(utf8, "utf8"), null, null);
  }

  /**
   * Wraps JSON text.
   *
   * @param json one complete JSON value
   * @return the raw value
   */
  public static RawJson of(String json) {
    return new RawJson(null, Objects.requireNonNull(json, "json"), null);
  }

  /** Returns the JSON text (computed once for byte-backed values). */
  public String json() {
    if (text != null) {
      return text;
    }
    String s = string;
    if (s == null) {
      s = new String(bytes, StandardCharsets.UTF_8);
      string = s;
    }
    return s;
  }

  /**
   * Returns the UTF-8 bytes without copying when the value is byte-backed. The array is shared:
   * never modify it.
   */
  public byte[] bytes() {
    if (bytes != null) {
      return bytes;
    }
    byte[] b = encoded;
    if (b == null) {
      b = text.getBytes(StandardCharsets.UTF_8);
      encoded = b;
    }
    return b;
  }

  /** Returns a read-only view of the UTF-8 bytes. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes()).asReadOnlyBuffer();
  }

  /** Returns whether the value is backed by bytes (zero-copy access via {@link #bytes()}). */
  public boolean isByteBacked() {
    return bytes != null;
  }

  /** Returns the length of the JSON in bytes (byte-backed) or chars (text-backed). */
  public int length() {
    return bytes != null ? bytes.length : text.length();
  }

  /**
   * Returns the value as a tree, parsed once.
   *
   * @throws GatewayException of kind {@code DECODE_ERROR} when the JSON is malformed
   */
  public JsonNode tree() {
    JsonNode t = tree;
    if (t == null) {
      try {
        t =
            bytes != null
                ? GatewayJson.mapper().readTree(bytes)
                : GatewayJson.mapper().readTree(text);
      } catch (JacksonException e) {
        throw new GatewayException(
            GatewayException.Kind.DECODE_ERROR,
            "Cannot parse JSON value: " + e.getOriginalMessage(),
            e);
      }
      tree = t;
    }
    return t;
  }

  /**
   * Decodes the value into {@code type} once; later calls with the same type return the same
   * instance.
   *
   * @param type the target type (a record with Jackson annotations, a JDK type, ...)
   * @param <T> the target type
   * @return the decoded value ({@code null} only for a JSON {@code null})
   * @throws GatewayException of kind {@code DECODE_ERROR} naming the type when it cannot be decoded
   */
  public <T> T decode(Class<T> type) {
    Objects.requireNonNull(type, "type");
    synchronized (this) {
      Object[] cache = decoded;
      for (int i = 0; i < cache.length; i += 2) {
        if (cache[i] == type) {
          return type.cast(cache[i + 1]);
        }
      }
    }
    T value;
    try {
      ObjectReader reader = READERS.get(type);
      @SuppressWarnings("unchecked")
      T read = (T) (bytes != null ? readReusing(reader, bytes) : reader.readValue(text));
      value = read;
    } catch (JacksonException e) {
      throw decodeFailure(type, e);
    } catch (GatewayException e) {
      throw new GatewayException(
          GatewayException.Kind.DECODE_ERROR,
          "Cannot decode JSON as " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw decodeFailure(type, e);
    }
    synchronized (this) {
      Object[] cache = decoded;
      for (int i = 0; i < cache.length; i += 2) {
        if (cache[i] == type) {
          return type.cast(cache[i + 1]);
        }
      }
      Object[] grown = java.util.Arrays.copyOf(cache, cache.length + 2);
      grown[cache.length] = type;
      grown[cache.length + 1] = value;
      decoded = grown;
    }
    return value;
  }

  /**
   * Reads through this thread's reusable parser; whatever does not go through cleanly (an error,
   * trailing tokens, a decode inside a decode) is read again as Jackson reads it, so that results
   * and errors are Jackson's own.
   */
  private static Object readReusing(ObjectReader reader, byte[] utf8) {
    ReusableJsonParser parser = ReusableJsonParser.acquire(GatewayJson.factory(), utf8);
    if (parser == null) {
      return reader.readValue(utf8);
    }
    boolean clean = false;
    Object value = null;
    try {
      value = reader.readValue(parser.asParser());
      clean =
          !reader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              || parser.nextToken() == null;
    } catch (RuntimeException e) {
      clean = false;
    } finally {
      parser.release();
    }
    return clean ? value : reader.readValue(utf8);
  }

  private static GatewayException decodeFailure(Class<?> type, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root.getCause() instanceof GatewayException ge) {
        return new GatewayException(
            GatewayException.Kind.DECODE_ERROR,
            "Cannot decode JSON as " + type.getSimpleName() + ": " + ge.getMessage(),
            e);
      }
      root = root.getCause();
    }
    String detail =
        e instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(e.getMessage());
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR,
        "Cannot decode JSON as " + type.getSimpleName() + ": " + detail,
        e);
  }

  /** Shows the size only: the content can be large. */
  @Override
  public String toString() {
    return "RawJson[" + length() + (bytes != null ? " bytes]" : " chars]");
  }
}
