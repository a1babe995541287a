package io.github.discordgateway.core.codec.internal;

import static io.github.discordgateway.core.codec.internal.JsonSkipper.FAIL;
import static io.github.discordgateway.core.codec.internal.JsonSkipper.MAX_DEPTH;
import static io.github.discordgateway.core.codec.internal.JsonSkipper.MAX_NUMBER_LENGTH;
import static io.github.discordgateway.core.codec.internal.JsonSkipper.MAX_STRING_LENGTH;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link JsonSkipper}'s grammar over UTF-8 bytes, specialised for the envelope fast path: it reads
 * the array directly (no per-byte virtual call), and inside strings it tests eight bytes at a time
 * for a quote, a backslash, a control or a non-ASCII byte (SWAR), handling only those one by one.
 *
 * <p>It accepts and rejects exactly what {@link JsonSkipper} does over the same bytes, with the
 * same limits, and never reads at or past {@code end}. Every method returns the index after what it
 * skipped, or {@link JsonSkipper#FAIL}.
 */
final class Utf8Skipper {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;
  private static final int NULL = 0x6C6C756E; // "null", little-endian
  private static final int TRUE = 0x65757274; // "true"
  private static final int FALS = 0x736C6166; // "fals"

  private Utf8Skipper() {}

  /** Skips JSON whitespace. */
  static int skipWs(byte[] b, int i, int end) {
    while (i < end) {
      int c = b[i];
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        return i;
      }
      i++;
    }
    return i;
  }

  /** Skips one complete value starting at {@code i} (not whitespace). */
  static int skipValue(byte[] b, int i, int end) {
    int depth = 0;
    long arrays = 0; // bit n set: the container at depth n + 1 is an array
    while (true) {
      // at a value
      if (i >= end) {
        return FAIL;
      }
      int c = b[i];
      if (c == '"') {
        i = skipString(b, i, end);
      } else if (c == '{') {
        if (++depth > MAX_DEPTH) {
          return FAIL;
        }
        arrays &= ~(1L << (depth - 1));
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
          i++;
          depth--;
        } else {
          i = memberName(b, i, end);
          if (i < 0) {
            return FAIL;
          }
          continue; // at the first value of the object
        }
      } else if (c == '[') {
        if (++depth > MAX_DEPTH) {
          return FAIL;
        }
        arrays |= 1L << (depth - 1);
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
          i++;
          depth--;
        } else {
          continue; // at the first value of the array
        }
      } else if (c == 'n') {
        i = word(b, i, end, NULL);
      } else if (c == 't') {
        i = word(b, i, end, TRUE);
      } else if (c == 'f') {
        i =
            i + 5 <= end && (int) INTS.get(b, i) == FALS && b[i + 4] == 'e'
                ? endOfToken(b, i + 5, end)
                : FAIL;
      } else {
        i = skipNumber(b, i, end);
      }
      if (i < 0) {
        return FAIL;
      }
      // after a value: close containers or move to the next element
      while (true) {
        if (depth == 0) {
          return i;
        }
        if (i >= end) {
          return FAIL;
        }
        c = b[i];
        if (c <= ' ') {
          i = skipWs(b, i, end);
          if (i >= end) {
            return FAIL;
          }
          c = b[i];
        }
        boolean inArray = (arrays & (1L << (depth - 1))) != 0;
        if (c == ',') {
          i++;
          if (inArray) {
            i = skipWs(b, i, end);
          } else if (i < end && b[i] == '"') {
            i = skipString(b, i, end); // the usual ,"name": without whitespace
            if (i < 0) {
              return FAIL;
            }
            if (i < end && b[i] == ':') {
              i = skipWs(b, i + 1, end);
            } else {
              i = colon(b, i, end);
            }
          } else {
            i = memberName(b, skipWs(b, i, end), end);
          }
          if (i < 0) {
            return FAIL;
          }
          break;
        }
        if (c == (inArray ? ']' : '}')) {
          i++;
          depth--;
          continue;
        }
        return FAIL;
      }
    }
  }

  /** Skips the four-byte literal whose bytes, little-endian, are {@code literal}. */
  private static int word(byte[] b, int i, int end, int literal) {
    return i + 4 <= end && (int) INTS.get(b, i) == literal ? endOfToken(b, i + 4, end) : FAIL;
  }

  /** Skips {@code "name" :} and the whitespace after it. */
  private static int memberName(byte[] b, int i, int end) {
    if (i >= end || b[i] != '"') {
      return FAIL;
    }
    i = skipString(b, i, end);
    if (i < 0) {
      return FAIL;
    }
    return colon(b, i, end);
  }

  /** Skips whitespace, the colon after a member name and the whitespace after it. */
  private static int colon(byte[] b, int i, int end) {
    i = skipWs(b, i, end);
    if (i >= end || b[i] != ':') {
      return FAIL;
    }
    return skipWs(b, i + 1, end);
  }

  /** Skips a string starting at its opening quote; returns the index after the closing quote. */
  static int skipString(byte[] b, int i, int end) {
    int from = i;
    i++;
    int limit = end - 8;
    while (true) {
      int c;
      if (i <= limit) {
        long word = (long) LONGS.get(b, i);
        long special = special(word);
        if (special == 0) {
          i += 8;
          continue;
        }
        int bit = Long.numberOfTrailingZeros(special); // 8 * k + 7 for the k-th byte
        i += bit >>> 3;
        c = (byte) (word >>> (bit & 0x38)); // the special byte, without reading it again
      } else {
        if (i >= end) {
          return FAIL;
        }
        c = b[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
          i++;
          continue;
        }
      }
      if (c == '"') {
        return i - from > MAX_STRING_LENGTH ? FAIL : i + 1;
      }
      if (c == '\\') {
        i = escape(b, i, end);
      } else if (c >= 0) {
        return FAIL; // a control character
      } else {
        i = skipNonAscii(b, i, end);
      }
      if (i < 0) {
        return FAIL;
      }
    }
  }

  /**
   * Returns the high bit of every byte of {@code word} (little-endian) that is a quote, a
   * backslash, a control or a non-ASCII byte, and perhaps of bytes after the first of those, never
   * before it: a byte is flagged when it is a quote or a backslash ({@code x - 1} borrows at {@code
   * x == 0}), below 0x20 (it borrows), or has its high bit set (then any term may flag it, and it
   * is special anyway); a borrow only starts at a special byte, so the lowest flagged byte is
   * exact.
   */
  static long special(long word) {
    return (((word ^ QUOTES) - ONES) | ((word ^ BACKSLASHES) - ONES) | (word - SPACES) | word)
        & HIGHS;
  }

  /** Skips the escape sequence at {@code i} (a backslash). */
  private static int escape(byte[] b, int i, int end) {
    if (i + 1 >= end) {
      return FAIL;
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        if (i + 5 >= end) {
          return FAIL;
        }
        for (int k = i + 2; k < i + 6; k++) {
          int h = b[k];
          if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
            return FAIL;
          }
        }
        return i + 6;
      }
      default -> {
        return FAIL;
      }
    }
  }

  /**
   * Skips one UTF-8 encoded character starting at the non-ASCII byte {@code i}; accepts well-formed
   * UTF-8 only: no overlong forms, surrogates or code points past U+10FFFF.
   */
  static int skipNonAscii(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      return continuation(b, i + 1, end) ? i + 2 : FAIL;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= end || !continuation(b, i + 1, end) || !continuation(b, i + 2, end)) {
        return FAIL;
      }
      int c1 = b[i + 1] & 0xFF;
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) {
        return FAIL;
      }
      return i + 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= end
          || !continuation(b, i + 1, end)
          || !continuation(b, i + 2, end)
          || !continuation(b, i + 3, end)) {
        return FAIL;
      }
      int c1 = b[i + 1] & 0xFF;
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) {
        return FAIL;
      }
      return i + 4;
    }
    return FAIL;
  }

  private static boolean continuation(byte[] b, int i, int end) {
    return i < end && (b[i] & 0xC0) == 0x80;
  }

  /** Skips a number in strict JSON grammar. */
  static int skipNumber(byte[] b, int i, int end) {
    int from = i;
    if (i < end && b[i] == '-') {
      i++;
    }
    if (i >= end) {
      return FAIL;
    }
    int c = b[i];
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      i = digits(b, i + 1, end);
    } else {
      return FAIL;
    }
    if (i < end && b[i] == '.') {
      int next = digits(b, i + 1, end);
      if (next == i + 1) {
        return FAIL;
      }
      i = next;
    }
    if (i < end && (b[i] | 0x20) == 'e') {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int next = digits(b, i, end);
      if (next == i) {
        return FAIL;
      }
      i = next;
    }
    if (i - from > MAX_NUMBER_LENGTH) {
      return FAIL;
    }
    return endOfToken(b, i, end);
  }

  private static int digits(byte[] b, int i, int end) {
    while (i < end) {
      int c = b[i];
      if (c < '0' || c > '9') {
        break;
      }
      i++;
    }
    return i;
  }

  /** A scalar must be followed by whitespace, a separator or the end. */
  private static int endOfToken(byte[] b, int i, int end) {
    if (i == end) {
      return i;
    }
    int c = b[i];
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'
        ? i
        : FAIL;
  }
}
