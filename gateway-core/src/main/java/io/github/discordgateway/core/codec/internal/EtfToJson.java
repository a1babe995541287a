package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one Erlang External Term Format payload, as Discord sends with {@code encoding=etf}, and
 * writes the same value as UTF-8 JSON, so everything above the codec (envelope, typed events, raw
 * JSON access) works on ETF exactly as on JSON.
 *
 * <p>Terms: atoms ({@code nil} and {@code null} become {@code null}, {@code true}/{@code false}
 * booleans, others strings), small and large integers (snowflakes arrive as 64-bit integers and
 * become JSON numbers, which decode to the same ids as strings), floats, binaries as strings, lists
 * and tuples as arrays, {@code STRING_EXT} byte lists as arrays of numbers, maps as objects (atom,
 * binary or integer keys) and compressed terms.
 *
 * <p>Bad input fails with a {@link GatewayException} of kind {@code DECODE_ERROR}, never anything
 * else: every length is checked against the bytes that remain before anything is allocated for it,
 * nesting is bounded by {@link #MAX_DEPTH}, and the JSON written is bounded by the size limit
 * given. One instance per thread; it keeps its output buffer between payloads.
 */
public final class EtfToJson {

  /** Deepest nesting of lists, tuples and maps accepted. */
  static final int MAX_DEPTH = 128;

  private final int maxOutput;
  private byte[] in;
  private byte[] outerInput;
  private int pos;
  private int end;
  private final JsonBytes json;

  /**
   * @param maxOutput the largest JSON accepted, in bytes
   */
  public EtfToJson(int maxOutput) {
    if (maxOutput < 1) {
      throw new IllegalArgumentException("maxOutput must be positive");
    }
    this.maxOutput = maxOutput;
    this.json = new JsonBytes(maxOutput);
  }

  /** Returns the largest JSON accepted, in bytes. */
  public int maxOutput() {
    return maxOutput;
  }

  /**
   * Transcodes the term in {@code buf[off, off + len)}, which must start with the version byte 131
   * and hold exactly one term.
   *
   * @return a new array with the UTF-8 JSON
   * @throws GatewayException of kind {@code DECODE_ERROR} for anything else
   */
  public byte[] transcode(byte[] buf, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, buf.length);
    in = buf;
    outerInput = buf;
    pos = off;
    end = off + len;
    json.reset();
    try {
      if (u8() != EtfTags.VERSION) {
        throw error("does not start with the version byte 131");
      }
      term(0);
      if (pos != end) {
        throw error((end - pos) + " bytes after the term");
      }
      return json.toArray();
    } finally {
      in = null;
      outerInput = null;
      json.shrink();
    }
  }

  private void term(int depth) {
    int tag = u8();
    switch (tag) {
      case EtfTags.SMALL_INTEGER_EXT -> json.writeLong(u8());
      case EtfTags.INTEGER_EXT -> json.writeLong(i32());
      case EtfTags.NEW_FLOAT_EXT -> json.writeDouble(Double.longBitsToDouble(i64()));
      case EtfTags.FLOAT_EXT -> json.writeDouble(oldFloat());
      case EtfTags.ATOM_EXT, EtfTags.ATOM_UTF8_EXT -> atom(u16());
      case EtfTags.SMALL_ATOM_EXT, EtfTags.SMALL_ATOM_UTF8_EXT -> atom(u8());
      case EtfTags.BINARY_EXT -> writeString(length(u32(), 1));
      case EtfTags.NIL_EXT -> {
        json.write('[');
        json.write(']');
      }
      case EtfTags.STRING_EXT -> byteList(length(u16(), 1));
      case EtfTags.LIST_EXT -> list(length(u32(), 1), depth);
      case EtfTags.SMALL_TUPLE_EXT -> tuple(u8(), depth);
      case EtfTags.LARGE_TUPLE_EXT -> tuple(length(u32(), 1), depth);
      case EtfTags.MAP_EXT -> map(length(u32(), 2), depth);
      case EtfTags.SMALL_BIG_EXT -> big(u8());
      case EtfTags.LARGE_BIG_EXT -> big(length(u32(), 1));
      case EtfTags.COMPRESSED -> {
        if (depth != 0 || in != outerInput) {
          throw error("a compressed term inside another term");
        }
        compressed(depth);
      }
      default -> throw error("unsupported term tag " + tag + " at byte " + (pos - 1));
    }
  }

  private void list(int count, int depth) {
    enter(depth);
    json.write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.write(',');
      }
      term(depth + 1);
    }
    json.write(']');
    if (u8() != EtfTags.NIL_EXT) {
      throw error("improper list (its tail is not nil)");
    }
  }

  private void tuple(int count, int depth) {
    if (count > end - pos) {
      throw error("tuple of " + count + " elements in " + (end - pos) + " bytes");
    }
    enter(depth);
    json.write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.write(',');
      }
      term(depth + 1);
    }
    json.write(']');
  }

  private void map(int count, int depth) {
    enter(depth);
    json.write('{');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.write(',');
      }
      key();
      json.write(':');
      term(depth + 1);
    }
    json.write('}');
  }

  private void key() {
    int tag = u8();
    switch (tag) {
      case EtfTags.BINARY_EXT -> writeString(length(u32(), 1));
      case EtfTags.ATOM_EXT, EtfTags.ATOM_UTF8_EXT -> writeString(length(u16(), 1));
      case EtfTags.SMALL_ATOM_EXT, EtfTags.SMALL_ATOM_UTF8_EXT -> writeString(length(u8(), 1));
      case EtfTags.STRING_EXT -> writeString(length(u16(), 1));
      case EtfTags.SMALL_INTEGER_EXT -> json.quoted(Long.toString(u8()));
      case EtfTags.INTEGER_EXT -> json.quoted(Integer.toString(i32()));
      case EtfTags.SMALL_BIG_EXT -> json.quoted(bigText(u8()));
      case EtfTags.LARGE_BIG_EXT -> json.quoted(bigText(length(u32(), 1)));
      default -> throw error("map key of term tag " + tag + " (not a string, atom or integer)");
    }
  }

  private void atom(int length) {
    length(length, 1);
    if (is("nil", length) || is("null", length)) {
      json.writeRaw(JsonBytes.NULL);
      pos += length;
    } else if (is("true", length)) {
      json.writeRaw(JsonBytes.TRUE);
      pos += length;
    } else if (is("false", length)) {
      json.writeRaw(JsonBytes.FALSE);
      pos += length;
    } else {
      writeString(length);
    }
  }

  private boolean is(String word, int length) {
    if (word.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (in[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void byteList(int count) {
    json.write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.write(',');
      }
      json.writeLong(in[pos++] & 0xFF);
    }
    json.write(']');
  }

  private void big(int digits) {
    String text = bigText(digits);
    json.writeAscii(text);
  }

  /** Reads a big integer's sign and {@code digits} little-endian bytes; returns its decimal. */
  private String bigText(int digits) {
    length(digits + 1, 1);
    int sign = in[pos++];
    if (sign != 0 && sign != 1) {
      throw error("big integer with sign byte " + sign);
    }
    if (digits > 32) {
      throw error("big integer of " + digits + " bytes (at most 32 accepted)");
    }
    String text;
    if (digits <= 8) {
      long value = 0;
      for (int i = digits - 1; i >= 0; i--) {
        value = (value << 8) | (in[pos + i] & 0xFF);
      }
      text = Long.toUnsignedString(value);
    } else {
      byte[] magnitude = new byte[digits];
      for (int i = 0; i < digits; i++) {
        magnitude[digits - 1 - i] = in[pos + i];
      }
      text = new BigInteger(1, magnitude).toString();
    }
    pos += digits;
    return sign == 1 && !text.equals("0") ? "-" + text : text;
  }

  private double oldFloat() {
    length(31, 1);
    int stop = pos;
    while (stop < pos + 31 && in[stop] != 0) {
      stop++;
    }
    String text = new String(in, pos, stop - pos, StandardCharsets.US_ASCII).trim();
    pos += 31;
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error("EtfTags.FLOAT_EXT that is not a number");
    }
  }

  private void compressed(int depth) {
    int uncompressed = u32();
    if (uncompressed < 0 || uncompressed > maxOutput) {
      throw error(
          "compressed term of "
              + Integer.toUnsignedString(uncompressed)
              + " bytes (limit "
              + maxOutput
              + ")");
    }
    byte[] inflated = new byte[uncompressed];
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(in, pos, end - pos);
      int n = 0;
      while (n < uncompressed) {
        int got = inflater.inflate(inflated, n, uncompressed - n);
        if (got == 0
            && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != uncompressed || !inflater.finished()) {
        throw error("compressed term does not inflate to its declared size");
      }
      int consumed = (end - pos) - inflater.getRemaining();
      byte[] outerIn = in;
      int outerEnd = end;
      int after = pos + consumed;
      in = inflated;
      pos = 0;
      end = uncompressed;
      term(depth + 1);
      if (pos != end) {
        throw error("bytes left in a compressed term");
      }
      in = outerIn;
      end = outerEnd;
      pos = after;
    } catch (DataFormatException e) {
      throw error("corrupt compressed term");
    } finally {
      inflater.end();
    }
  }

  private void enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
  }

  // ---- input ------------------------------------------------------------------------------

  /** Checks that {@code count} items of at least {@code minBytes} each can still follow. */
  private int length(long count, int minBytes) {
    if (count < 0 || count * minBytes > end - pos) {
      throw error(
          "length "
              + count
              + " at byte "
              + pos
              + " exceeds the "
              + (end - pos)
              + " bytes that remain");
    }
    return (int) count;
  }

  private void need(int n) {
    if (end - pos < n) {
      throw error("truncated at byte " + pos);
    }
  }

  private int u8() {
    need(1);
    return in[pos++] & 0xFF;
  }

  private int u16() {
    need(2);
    int v = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  private int i32() {
    need(4);
    int v =
        ((in[pos] & 0xFF) << 24)
            | ((in[pos + 1] & 0xFF) << 16)
            | ((in[pos + 2] & 0xFF) << 8)
            | (in[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  /** An unsigned 32-bit length, as a long so that huge values fail the length check. */
  private long u32Long() {
    return i32() & 0xFFFF_FFFFL;
  }

  private int u32() {
    long v = u32Long();
    if (v > Integer.MAX_VALUE) {
      throw error("length " + v + " at byte " + (pos - 4) + " exceeds the bytes that remain");
    }
    return (int) v;
  }

  private long i64() {
    long hi = i32() & 0xFFFF_FFFFL;
    long lo = i32() & 0xFFFF_FFFFL;
    return (hi << 32) | lo;
  }

  /** Writes the next {@code length} input bytes (UTF-8) as a JSON string. */
  private void writeString(int length) {
    json.writeString(in, pos, length);
    pos += length;
  }

  static GatewayException error(String what) {
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR, "Malformed ETF payload: " + what);
  }
}
