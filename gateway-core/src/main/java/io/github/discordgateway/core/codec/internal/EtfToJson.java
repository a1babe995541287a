package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  static final int VERSION = 131;
  static final int NEW_FLOAT_EXT = 70;
  static final int COMPRESSED = 80;
  static final int SMALL_INTEGER_EXT = 97;
  static final int INTEGER_EXT = 98;
  static final int FLOAT_EXT = 99;
  static final int ATOM_EXT = 100;
  static final int SMALL_TUPLE_EXT = 104;
  static final int LARGE_TUPLE_EXT = 105;
  static final int NIL_EXT = 106;
  static final int STRING_EXT = 107;
  static final int LIST_EXT = 108;
  static final int BINARY_EXT = 109;
  static final int SMALL_BIG_EXT = 110;
  static final int LARGE_BIG_EXT = 111;
  static final int SMALL_ATOM_EXT = 115;
  static final int MAP_EXT = 116;
  static final int ATOM_UTF8_EXT = 118;
  static final int SMALL_ATOM_UTF8_EXT = 119;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private final int maxOutput;
  private byte[] in;
  private byte[] outerInput;
  private int pos;
  private int end;
  private byte[] out = new byte[1024];
  private int size;

  /**
   * @param maxOutput the largest JSON accepted, in bytes
   */
  public EtfToJson(int maxOutput) {
    if (maxOutput < 1) {
      throw new IllegalArgumentException("maxOutput must be positive");
    }
    this.maxOutput = maxOutput;
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
    size = 0;
    try {
      if (u8() != VERSION) {
        throw error("does not start with the version byte 131");
      }
      term(0);
      if (pos != end) {
        throw error((end - pos) + " bytes after the term");
      }
      return Arrays.copyOf(out, size);
    } finally {
      in = null;
      outerInput = null;
      if (out.length > 64 * 1024) {
        out = new byte[1024];
      }
    }
  }

  private void term(int depth) {
    int tag = u8();
    switch (tag) {
      case SMALL_INTEGER_EXT -> writeLong(u8());
      case INTEGER_EXT -> writeLong(i32());
      case NEW_FLOAT_EXT -> writeDouble(Double.longBitsToDouble(i64()));
      case FLOAT_EXT -> writeDouble(oldFloat());
      case ATOM_EXT, ATOM_UTF8_EXT -> atom(u16());
      case SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT -> atom(u8());
      case BINARY_EXT -> writeString(length(u32(), 1));
      case NIL_EXT -> {
        write('[');
        write(']');
      }
      case STRING_EXT -> byteList(length(u16(), 1));
      case LIST_EXT -> list(length(u32(), 1), depth);
      case SMALL_TUPLE_EXT -> tuple(u8(), depth);
      case LARGE_TUPLE_EXT -> tuple(length(u32(), 1), depth);
      case MAP_EXT -> map(length(u32(), 2), depth);
      case SMALL_BIG_EXT -> big(u8());
      case LARGE_BIG_EXT -> big(length(u32(), 1));
      case COMPRESSED -> {
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
    write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        write(',');
      }
      term(depth + 1);
    }
    write(']');
    if (u8() != NIL_EXT) {
      throw error("improper list (its tail is not nil)");
    }
  }

  private void tuple(int count, int depth) {
    if (count > end - pos) {
      throw error("tuple of " + count + " elements in " + (end - pos) + " bytes");
    }
    enter(depth);
    write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        write(',');
      }
      term(depth + 1);
    }
    write(']');
  }

  private void map(int count, int depth) {
    enter(depth);
    write('{');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        write(',');
      }
      key();
      write(':');
      term(depth + 1);
    }
    write('}');
  }

  private void key() {
    int tag = u8();
    switch (tag) {
      case BINARY_EXT -> writeString(length(u32(), 1));
      case ATOM_EXT, ATOM_UTF8_EXT -> writeString(length(u16(), 1));
      case SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT -> writeString(length(u8(), 1));
      case STRING_EXT -> writeString(length(u16(), 1));
      case SMALL_INTEGER_EXT -> quoted(Long.toString(u8()));
      case INTEGER_EXT -> quoted(Integer.toString(i32()));
      case SMALL_BIG_EXT -> quoted(bigText(u8()));
      case LARGE_BIG_EXT -> quoted(bigText(length(u32(), 1)));
      default -> throw error("map key of term tag " + tag + " (not a string, atom or integer)");
    }
  }

  private void atom(int length) {
    length(length, 1);
    if (is("nil", length) || is("null", length)) {
      writeRaw(NULL);
      pos += length;
    } else if (is("true", length)) {
      writeRaw(TRUE);
      pos += length;
    } else if (is("false", length)) {
      writeRaw(FALSE);
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
    write('[');
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        write(',');
      }
      writeLong(in[pos++] & 0xFF);
    }
    write(']');
  }

  private void big(int digits) {
    String text = bigText(digits);
    writeAscii(text);
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
      throw error("FLOAT_EXT that is not a number");
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

  // ---- output -----------------------------------------------------------------------------

  private void ensure(int more) {
    int needed = size + more;
    if (needed > maxOutput || needed < 0) {
      throw error("the payload exceeds " + maxOutput + " bytes as JSON");
    }
    if (needed > out.length) {
      out = Arrays.copyOf(out, Math.min(maxOutput, Math.max(needed, out.length * 2)));
    }
  }

  private void write(char c) {
    ensure(1);
    out[size++] = (byte) c;
  }

  private void writeRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, out, size, bytes.length);
    size += bytes.length;
  }

  private void writeAscii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      out[size++] = (byte) text.charAt(i);
    }
  }

  private void quoted(String text) {
    write('"');
    writeAscii(text);
    write('"');
  }

  private void writeLong(long value) {
    writeAscii(Long.toString(value));
  }

  private void writeDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw error("float that JSON cannot hold: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      writeAscii(Long.toString((long) value) + ".0");
    } else {
      writeAscii(Double.toString(value));
    }
  }

  /** Writes the next {@code length} input bytes (UTF-8) as a JSON string. */
  private void writeString(int length) {
    ensure(length + 2);
    out[size++] = '"';
    int stop = pos + length;
    for (int i = pos; i < stop; i++) {
      byte b = in[i];
      if (b == '"' || b == '\\') {
        ensure(2 + (stop - i));
        out[size++] = '\\';
        out[size++] = b;
      } else if (b >= 0 && b < 0x20) {
        ensure(6 + (stop - i));
        out[size++] = '\\';
        out[size++] = 'u';
        out[size++] = '0';
        out[size++] = '0';
        out[size++] = HEX[b >> 4];
        out[size++] = HEX[b & 0xF];
      } else {
        out[size++] = b;
      }
    }
    out[size++] = '"';
    pos = stop;
  }

  private static GatewayException error(String what) {
    return new GatewayException(
        GatewayException.Kind.DECODE_ERROR, "Malformed ETF payload: " + what);
  }
}
