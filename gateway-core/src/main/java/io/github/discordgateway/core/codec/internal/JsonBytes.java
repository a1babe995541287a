package io.github.discordgateway.core.codec.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON that {@link EtfToJson} writes: a growable UTF-8 buffer that refuses to grow past the
 * size limit (a {@code DECODE_ERROR}), kept between payloads.
 */
final class JsonBytes {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] NULL = {'n', 'u', 'l', 'l'};
  static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private final int maxOutput;
  private byte[] out = new byte[1024];
  private int size;

  JsonBytes(int maxOutput) {
    this.maxOutput = maxOutput;
  }

  void reset() {
    size = 0;
  }

  byte[] toArray() {
    return Arrays.copyOf(out, size);
  }

  /** Drops a buffer that one large payload grew, so that an idle thread does not keep it. */
  void shrink() {
    if (out.length > 64 * 1024) {
      out = new byte[1024];
    }
  }

  void ensure(int more) {
    int needed = size + more;
    if (needed > maxOutput || needed < 0) {
      throw EtfToJson.error("the payload exceeds " + maxOutput + " bytes as JSON");
    }
    if (needed > out.length) {
      out = Arrays.copyOf(out, Math.min(maxOutput, Math.max(needed, out.length * 2)));
    }
  }

  void write(char c) {
    ensure(1);
    out[size++] = (byte) c;
  }

  void writeRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, out, size, bytes.length);
    size += bytes.length;
  }

  void writeAscii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      out[size++] = (byte) text.charAt(i);
    }
  }

  void quoted(String text) {
    write('"');
    writeAscii(text);
    write('"');
  }

  void writeLong(long value) {
    writeAscii(Long.toString(value));
  }

  void writeDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw EtfToJson.error("float that JSON cannot hold: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      writeAscii(Long.toString((long) value) + ".0");
    } else {
      writeAscii(Double.toString(value));
    }
  }

  /** Writes {@code in[pos, pos + length)} (UTF-8) as a JSON string. */
  void writeString(byte[] in, int pos, int length) {
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
  }
}
