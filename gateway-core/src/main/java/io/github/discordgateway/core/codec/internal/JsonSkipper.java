package io.github.discordgateway.core.codec.internal;

/**
 * The JSON grammar of the envelope fast path: skips whitespace, values, strings, literals and
 * numbers between {@code start} and {@code end}, validating as it goes, and returns {@link #FAIL}
 * for anything outside the strict subset the fast path handles. Subclasses say how a code unit is
 * read (bytes or chars) and how a non-ASCII character is checked.
 */
abstract class JsonSkipper {

  /** Deepest nesting the fast path handles (the parser allows far more). */
  static final int MAX_DEPTH = 63;

  /** Longest number token the fast path handles. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** Longest string the fast path handles. */
  static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /** What the skip methods return when the fast path does not apply. */
  static final int FAIL = -1;

  /** Plain string characters: printable ASCII except quote and backslash. */
  static final boolean[] PLAIN = new boolean[128];

  static {
    for (int c = 0x20; c < 0x80; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  final int start;
  final int end;

  JsonSkipper(int start, int end) {
    this.start = start;
    this.end = end;
  }

  /** Returns the code unit at {@code i} (a byte as 0-255, or a char); {@code i < end}. */
  abstract int at(int i);

  /**
   * Skips one non-ASCII character of a string starting at {@code i}.
   *
   * @return the next index, or {@link #FAIL}
   */
  abstract int skipNonAscii(int i);

  final int skipWs(int i) {
    while (i < end) {
      int c = at(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * Skips one complete value starting at {@code i} (not whitespace). A subclass may replace it by a
   * faster grammar that accepts and rejects exactly the same input.
   */
  int skipValue(int i) {
    int depth = 0;
    long arrays = 0; // bit n set: the container at depth n + 1 is an array
    while (true) {
      // at a value
      if (i >= end) {
        return FAIL;
      }
      int c = at(i);
      boolean opened = false;
      switch (c) {
        case '{' -> {
          if (++depth > MAX_DEPTH) {
            return FAIL;
          }
          arrays &= ~(1L << (depth - 1));
          i = skipWs(i + 1);
          if (i < end && at(i) == '}') {
            i++;
            depth--;
          } else {
            i = memberName(i);
            opened = true;
          }
        }
        case '[' -> {
          if (++depth > MAX_DEPTH) {
            return FAIL;
          }
          arrays |= 1L << (depth - 1);
          i = skipWs(i + 1);
          if (i < end && at(i) == ']') {
            i++;
            depth--;
          } else {
            opened = true;
          }
        }
        case '"' -> i = skipString(i);
        case 't' -> i = skipLiteral(i, "true");
        case 'f' -> i = skipLiteral(i, "false");
        case 'n' -> i = skipLiteral(i, "null");
        default -> i = skipNumber(i);
      }
      if (i < 0) {
        return FAIL;
      }
      if (opened) {
        continue; // at the first value of the container
      }
      // after a value: close containers or move to the next element
      while (true) {
        if (depth == 0) {
          return i;
        }
        i = skipWs(i);
        if (i >= end) {
          return FAIL;
        }
        c = at(i);
        boolean inArray = (arrays & (1L << (depth - 1))) != 0;
        if (c == ',') {
          i = skipWs(i + 1);
          if (!inArray) {
            i = memberName(i);
            if (i < 0) {
              return FAIL;
            }
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

  /** Skips {@code "name" :} and the whitespace after it. */
  final int memberName(int i) {
    if (i >= end || at(i) != '"') {
      return FAIL;
    }
    i = skipString(i);
    if (i < 0) {
      return FAIL;
    }
    i = skipWs(i);
    if (i >= end || at(i) != ':') {
      return FAIL;
    }
    return skipWs(i + 1);
  }

  /** Returns the index of the first character at or after {@code i} that is not plain ASCII. */
  int skipPlain(int i) {
    while (i < end) {
      int c = at(i);
      if (c >= 0x80 || !PLAIN[c]) {
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * Skips a string starting at its opening quote; returns the index after the closing quote. A
   * subclass may replace it by a faster scan that accepts and rejects exactly the same input.
   */
  int skipString(int i) {
    int from = i;
    i++;
    while (i < end) {
      i = skipPlain(i);
      if (i >= end) {
        return FAIL;
      }
      int c = at(i);
      if (c == '"') {
        return i - from > MAX_STRING_LENGTH ? FAIL : i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= end) {
          return FAIL;
        }
        int e = at(i + 1);
        switch (e) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i += 2;
          case 'u' -> {
            if (i + 5 >= end) {
              return FAIL;
            }
            for (int k = i + 2; k < i + 6; k++) {
              int h = at(k);
              if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
                return FAIL;
              }
            }
            i += 6;
          }
          default -> {
            return FAIL;
          }
        }
        continue;
      }
      if (c < 0x20) {
        return FAIL;
      }
      i = skipNonAscii(i);
      if (i < 0) {
        return FAIL;
      }
    }
    return FAIL;
  }

  final int skipLiteral(int i, String literal) {
    int n = literal.length();
    if (i + n > end) {
      return FAIL;
    }
    for (int k = 0; k < n; k++) {
      if (at(i + k) != literal.charAt(k)) {
        return FAIL;
      }
    }
    return endOfToken(i + n);
  }

  /** Skips a number in strict JSON grammar. */
  final int skipNumber(int i) {
    int from = i;
    if (i < end && at(i) == '-') {
      i++;
    }
    if (i >= end) {
      return FAIL;
    }
    int c = at(i);
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      i = digits(i);
    } else {
      return FAIL;
    }
    if (i < end && at(i) == '.') {
      int next = digits(i + 1);
      if (next == i + 1) {
        return FAIL;
      }
      i = next;
    }
    if (i < end && (at(i) == 'e' || at(i) == 'E')) {
      i++;
      if (i < end && (at(i) == '+' || at(i) == '-')) {
        i++;
      }
      int next = digits(i);
      if (next == i) {
        return FAIL;
      }
      i = next;
    }
    if (i - from > MAX_NUMBER_LENGTH) {
      return FAIL;
    }
    return endOfToken(i);
  }

  final int digits(int i) {
    while (i < end) {
      int c = at(i);
      if (c < '0' || c > '9') {
        break;
      }
      i++;
    }
    return i;
  }

  /** A scalar must be followed by whitespace, a separator or the end. */
  final int endOfToken(int i) {
    if (i == end) {
      return i;
    }
    int c = at(i);
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'
        ? i
        : FAIL;
  }
}
