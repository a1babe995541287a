package io.github.discordgateway.core.codec.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where each known top-level key of one JSON object has its value: one pass over the object that
 * finds every member and skips its value (strings eight bytes at a time), without a parser, a
 * symbol table or any decoding. The values themselves are checked only when one is decoded; the
 * pass checks the structure (quotes, brackets, separators), and gives up ({@link #of} returns
 * {@code null}) on anything it does not handle exactly as the record binder does: a value that is
 * not an object, a key with an escape, nesting deeper than {@value #MAX_DEPTH}, a malformed
 * structure, trailing content, 512 MiB or more. The caller then decodes the whole record, so that
 * results and errors are the binder's.
 *
 * <p>Immutable once made; a key given twice keeps its last value, as the binder does.
 */
final class FieldIndex {

  /** Deepest nesting the pass handles inside a value. */
  static final int MAX_DEPTH = 64;

  /** Flag of a string value with a backslash escape. */
  static final int ESCAPED = 1;

  /** Flag of a string value with a byte outside ASCII. */
  static final int NON_ASCII = 2;

  /** Flag of a string value with a raw control character (not valid JSON). */
  static final int CONTROL = 4;

  private static final int END = (1 << 29) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;
  private static final long FOLD = ONES * 0x20;
  private static final long OPENS = ONES * '{';
  private static final long CLOSES = ONES * '}';

  /** Stands for "the pass gave up": the record is decoded whole. */
  static final FieldIndex NONE = new FieldIndex(0);

  // per slot: start + 1 (0 when absent), then the end with the string flags in the top 3 bits
  private final int[] spans;

  private FieldIndex(int slots) {
    spans = new int[slots * 2];
  }

  /** Returns where the value of {@code slot} starts, or -1 when the object has no such key. */
  int start(int slot) {
    return spans[slot * 2] - 1;
  }

  /** Returns the index after the value of {@code slot}. */
  int end(int slot) {
    return spans[slot * 2 + 1] & END;
  }

  /** Returns the string flags of the value of {@code slot} (0 for a plain ASCII string). */
  int flags(int slot) {
    return spans[slot * 2 + 1] >>> 29;
  }

  /**
   * Indexes the object in {@code json}.
   *
   * @param json one JSON value
   * @param names the keys to index and their slots
   * @return the index, or {@code null} when the value is not an object this pass handles
   */
  static FieldIndex of(byte[] json, FieldNames names) {
    int end = json.length;
    if (end > END) {
      return null;
    }
    int i = ws(json, 0, end);
    if (i >= end || json[i] != '{') {
      return null;
    }
    FieldIndex index = new FieldIndex(names.slots());
    i = ws(json, i + 1, end);
    if (i < end && json[i] == '}') {
      return ws(json, i + 1, end) == end ? index : null;
    }
    while (true) {
      if (i >= end || json[i] != '"') {
        return null;
      }
      int keyStart = i + 1;
      long scanned = string(json, i, end);
      if (scanned < 0 || (scanned >>> 32) != 0) {
        return null; // malformed, or a key with an escape or raw bytes: the binder decides
      }
      int keyEnd = (int) scanned - 1;
      i = ws(json, keyEnd + 1, end);
      if (i >= end || json[i] != ':') {
        return null;
      }
      i = ws(json, i + 1, end);
      int valueStart = i;
      int flag = 0;
      if (i < end && json[i] == '"') {
        long s = string(json, i, end);
        if (s < 0) {
          return null;
        }
        i = (int) s;
        flag = (int) (s >>> 32);
      } else {
        i = skip(json, i, end);
        if (i < 0) {
          return null;
        }
      }
      int slot = names.find(json, keyStart, keyEnd);
      if (slot >= 0) {
        index.spans[slot * 2] = valueStart + 1;
        index.spans[slot * 2 + 1] = i | (flag << 29);
      }
      i = ws(json, i, end);
      if (i >= end) {
        return null;
      }
      byte c = json[i];
      if (c == '}') {
        return ws(json, i + 1, end) == end ? index : null;
      }
      if (c != ',') {
        return null;
      }
      i = ws(json, i + 1, end);
    }
  }

  private static int ws(byte[] json, int i, int end) {
    while (i < end) {
      byte c = json[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * Skips a string from its opening quote.
   *
   * @return the index after the closing quote, with the string's flags in the high 32 bits; -1 when
   *     it does not end
   */
  static long string(byte[] json, int i, int end) {
    int flag = 0;
    i++;
    while (true) {
      while (i + 8 <= end) {
        long w = (long) LONGS.get(json, i);
        long hit =
            zero(w ^ QUOTES) | zero(w ^ BACKSLASHES) | ((w - SPACES) & ~w & HIGHS) | (w & HIGHS);
        if (hit != 0) {
          i += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= end) {
        return -1;
      }
      int c = json[i] & 0xFF;
      if (c == '"') {
        return ((long) flag << 32) | (i + 1);
      }
      if (c == '\\') {
        flag |= ESCAPED;
        i += 2;
      } else if (c >= 0x80) {
        flag |= NON_ASCII;
        i++;
      } else if (c < 0x20) {
        flag |= CONTROL;
        i++;
      } else {
        i++;
      }
    }
  }

  private static long zero(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  /**
   * Skips a value that is not a string: a container with brackets that match, or a scalar up to the
   * next separator (checked when decoded). Inside a container only quotes and brackets matter, so
   * they are found eight bytes at a time.
   *
   * @return the index after the value, or -1
   */
  static int skip(byte[] json, int i, int end) {
    if (i >= end) {
      return -1;
    }
    byte first = json[i];
    if (first != '{' && first != '[') {
      return scalar(json, i, end);
    }
    int depth = 0;
    long arrays = 0; // bit n set: the container at depth n + 1 is an array
    while (true) {
      while (i + 8 <= end) {
        long w = (long) LONGS.get(json, i);
        long folded = w | FOLD; // '[' and ']' become '{' and '}'
        long hit = zero(w ^ QUOTES) | zero(folded ^ OPENS) | zero(folded ^ CLOSES);
        if (hit != 0) {
          i += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= end) {
        return -1;
      }
      byte c = json[i];
      if (c == '"') {
        i = skipString(json, i, end);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return -1;
        }
        arrays = c == '[' ? arrays | (1L << (depth - 1)) : arrays & ~(1L << (depth - 1));
      } else if (c == '}' || c == ']') {
        if (((arrays >>> (depth - 1)) & 1) != (c == ']' ? 1 : 0)) {
          return -1;
        }
        if (--depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
  }

  /** Skips a string inside a container: only its end matters. */
  private static int skipString(byte[] json, int i, int end) {
    i++;
    while (true) {
      while (i + 8 <= end) {
        long w = (long) LONGS.get(json, i);
        long hit = zero(w ^ QUOTES) | zero(w ^ BACKSLASHES);
        if (hit != 0) {
          i += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= end) {
        return -1;
      }
      byte c = json[i];
      if (c == '"') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
  }

  /** Skips a number or literal up to the separator or whitespace after it. */
  private static int scalar(byte[] json, int i, int end) {
    int from = i;
    while (i < end) {
      byte c = json[i];
      if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        break;
      }
      if (c == '"' || c == '{' || c == '[' || c == ':') {
        return -1;
      }
      i++;
    }
    return i > from ? i : -1;
  }
}
