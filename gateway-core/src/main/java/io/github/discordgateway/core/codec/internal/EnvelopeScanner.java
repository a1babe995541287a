package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.protocol.EventType;

/**
 * The fast path of {@link EnvelopeDecoder}: one pass over the payload that validates the JSON
 * grammar, reads {@code op}, {@code s} and {@code t} and records where {@code d} starts and ends,
 * without a parser object, name canonicalization or a symbol table.
 *
 * <p>It accepts only a strict subset of what the streaming parser accepts (standard JSON, valid
 * UTF-8, nesting up to {@value #MAX_DEPTH}, plain ASCII event names, short numbers): whatever it
 * does not accept, including every malformed payload, is handed back to the streaming parser, so
 * results and errors are exactly the parser's. One instance per payload; not thread-safe. The
 * grammar itself (skipping values, strings, numbers) is {@link JsonSkipper}'s.
 */
abstract class EnvelopeScanner extends JsonSkipper {

  private static final int NAMES_MASK = 511;
  private static final String[] NAMES = new String[NAMES_MASK + 1];

  static {
    for (EventType type : EventType.values()) {
      String name = type.name();
      int slot = name.hashCode() & NAMES_MASK;
      while (NAMES[slot] != null) {
        slot = (slot + 1) & NAMES_MASK;
      }
      NAMES[slot] = name;
    }
  }

  int op;
  boolean hasOp;
  long sequence = Envelope.NO_SEQUENCE;
  int typeStart = -1;
  int typeEnd = -1;
  int dataStart = -1;
  int dataEnd = -1;

  EnvelopeScanner(int start, int end) {
    super(start, end);
  }

  /**
   * Reads the whole payload.
   *
   * @return whether the fast path applies; when {@code false} the caller must use the parser
   */
  final boolean scan() {
    int i = skipWs(start);
    if (i >= end || at(i) != '{') {
      return false;
    }
    i = skipWs(i + 1);
    if (i >= end) {
      return false;
    }
    if (at(i) == '}') {
      i++;
    } else {
      while (true) {
        if (i >= end || at(i) != '"') {
          return false;
        }
        int nameStart = i + 1;
        i = skipString(i);
        if (i < 0) {
          return false;
        }
        int key = key(nameStart, i - 1);
        if (key < 0) {
          return false;
        }
        i = skipWs(i);
        if (i >= end || at(i) != ':') {
          return false;
        }
        i = skipWs(i + 1);
        if (i >= end) {
          return false;
        }
        i = readMember(key, i);
        if (i < 0) {
          return false;
        }
        i = skipWs(i);
        if (i >= end) {
          return false;
        }
        int c = at(i);
        if (c == '}') {
          i++;
          break;
        }
        if (c != ',') {
          return false;
        }
        i = skipWs(i + 1);
      }
    }
    return skipWs(i) == end && hasOp;
  }

  /** Returns the known event name equal to the (ASCII) type, or {@code null}. */
  final String knownType() {
    int length = typeEnd - typeStart;
    int hash = 0;
    for (int i = typeStart; i < typeEnd; i++) {
      hash = 31 * hash + at(i);
    }
    int slot = hash & NAMES_MASK;
    String candidate;
    while ((candidate = NAMES[slot]) != null) {
      if (candidate.length() == length && sameAs(candidate)) {
        return candidate;
      }
      slot = (slot + 1) & NAMES_MASK;
    }
    return null;
  }

  private boolean sameAs(String name) {
    for (int k = 0; k < name.length(); k++) {
      if (at(typeStart + k) != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  // keys of the envelope: 1 op, 2 s, 3 t, 4 d, 0 anything else, -1 a name with escapes (which
  // could spell a key: the parser decodes it)
  private int key(int from, int to) {
    for (int k = from; k < to; k++) {
      if (at(k) == '\\') {
        return -1;
      }
    }
    if (to - from == 1) {
      return switch (at(from)) {
        case 's' -> 2;
        case 't' -> 3;
        case 'd' -> 4;
        default -> 0;
      };
    }
    return to - from == 2 && at(from) == 'o' && at(from + 1) == 'p' ? 1 : 0;
  }

  private int readMember(int key, int i) {
    int c = at(i);
    switch (key) {
      case 1 -> {
        if (c != '-' && (c < '0' || c > '9')) {
          return FAIL;
        }
        long value = integer(i);
        int next = skipNumber(i);
        if (next < 0 || value == Long.MIN_VALUE || value != (int) value || !isInteger(i, next)) {
          return FAIL;
        }
        op = (int) value;
        hasOp = true;
        return next;
      }
      case 2 -> {
        if (c == 'n') {
          return skipLiteral(i, "null"); // null keeps an earlier value, as in the parser path
        }
        if (c < '0' || c > '9') {
          return FAIL; // negative, not a number or not an integer: the parser reports it
        }
        long value = integer(i);
        int next = skipNumber(i);
        if (next < 0 || value == Long.MIN_VALUE || !isInteger(i, next)) {
          return FAIL;
        }
        sequence = value;
        return next;
      }
      case 3 -> {
        if (c == 'n') {
          return skipLiteral(i, "null"); // null keeps an earlier value, as in the parser path
        }
        if (c != '"') {
          return FAIL;
        }
        int next = i + 1;
        while (next < end) {
          int ch = at(next);
          if (ch == '"') {
            typeStart = i + 1;
            typeEnd = next;
            return next + 1;
          }
          if (ch >= 0x80 || !PLAIN[ch]) {
            return FAIL; // escapes and non-ASCII names: the parser decodes them
          }
          next++;
        }
        return FAIL;
      }
      case 4 -> {
        if (c == 'n') {
          dataStart = -1;
          dataEnd = -1;
          return skipLiteral(i, "null");
        }
        int next = skipValue(i);
        if (next >= 0) {
          dataStart = i;
          dataEnd = next;
        }
        return next;
      }
      default -> {
        return skipValue(i);
      }
    }
  }

  /**
   * Reads the integer at {@code i} (which is a digit or '-'); {@link Long#MIN_VALUE} when it has no
   * digits, more than 18 digits, or is not an integer (validated by {@link #skipNumber}).
   */
  private long integer(int i) {
    boolean negative = at(i) == '-';
    int k = negative ? i + 1 : i;
    long value = 0;
    int digits = 0;
    while (k < end) {
      int d = at(k) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      value = value * 10 + d;
      if (++digits > 18) {
        return Long.MIN_VALUE;
      }
      k++;
    }
    if (digits == 0) {
      return Long.MIN_VALUE;
    }
    return negative ? -value : value;
  }

  private boolean isInteger(int from, int to) {
    for (int k = from; k < to; k++) {
      int c = at(k);
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  /** Scans UTF-8 bytes, with {@link Utf8Skipper}'s grammar for values and strings. */
  static final class Bytes extends EnvelopeScanner {
    private final byte[] buf;

    Bytes(byte[] buf, int off, int len) {
      super(off, off + len);
      this.buf = buf;
    }

    @Override
    int at(int i) {
      return buf[i] & 0xFF;
    }

    @Override
    int skipValue(int i) {
      return Utf8Skipper.skipValue(buf, i, end);
    }

    @Override
    int skipString(int i) {
      return Utf8Skipper.skipString(buf, i, end);
    }

    @Override
    int skipNonAscii(int i) {
      return Utf8Skipper.skipNonAscii(buf, i, end);
    }
  }

  /** Scans text. */
  static final class Chars extends EnvelopeScanner {
    private final String text;

    Chars(String text) {
      super(0, text.length());
      this.text = text;
    }

    @Override
    int at(int i) {
      return text.charAt(i);
    }

    @Override
    int skipNonAscii(int i) {
      return i + 1;
    }
  }
}
