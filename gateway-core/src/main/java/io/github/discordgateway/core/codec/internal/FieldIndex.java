package io.github.discordgateway.core.codec.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where each known top-level key of one JSON object has its value: one pass over the object that
 * finds every member and skips its value with the envelope fast path's grammar ({@link
 * Utf8Skipper}: strict JSON, valid UTF-8, checked as it goes), without a parser, a symbol table or
 * any decoding. It gives up ({@link #of} returns {@code null}) on anything it does not handle
 * exactly as the record binder does: a value that is not an object, a key with an escape or a byte
 * outside printable ASCII, anything the grammar rejects or does not handle (malformed JSON, nesting
 * deeper than {@value JsonSkipper#MAX_DEPTH}, very long numbers or strings), trailing content, a
 * value of 2 GiB or more. The caller then decodes the whole record, so that results and errors are
 * the binder's.
 *
 * <p>Immutable once made; a key given twice keeps its last value, as the binder does.
 */
final class FieldIndex {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /** Stands for "the pass gave up": the record is decoded whole. */
  static final FieldIndex NONE = new FieldIndex(0);

  // per slot: the start of its value + 1 (0 when absent), then the index after the value
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
    return spans[slot * 2 + 1];
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
    if (end == Integer.MAX_VALUE) {
      return null;
    }
    int i = Utf8Skipper.skipWs(json, 0, end);
    if (i >= end || json[i] != '{') {
      return null;
    }
    FieldIndex index = new FieldIndex(names.slots());
    i = Utf8Skipper.skipWs(json, i + 1, end);
    if (i < end && json[i] == '}') {
      return Utf8Skipper.skipWs(json, i + 1, end) == end ? index : null;
    }
    while (true) {
      if (i >= end || json[i] != '"') {
        return null;
      }
      int keyStart = i + 1;
      int keyEnd = plainKey(json, keyStart, end);
      if (keyEnd < 0) {
        return null; // an escape or a raw byte in a key: the binder decides
      }
      i = Utf8Skipper.skipWs(json, keyEnd + 1, end);
      if (i >= end || json[i] != ':') {
        return null;
      }
      i = Utf8Skipper.skipWs(json, i + 1, end);
      int valueStart = i;
      i = Utf8Skipper.skipValue(json, i, end);
      if (i < 0) {
        return null;
      }
      int slot = names.find(json, keyStart, keyEnd);
      if (slot >= 0) {
        index.spans[slot * 2] = valueStart + 1;
        index.spans[slot * 2 + 1] = i;
      }
      i = Utf8Skipper.skipWs(json, i, end);
      if (i >= end) {
        return null;
      }
      byte c = json[i];
      if (c == '}') {
        return Utf8Skipper.skipWs(json, i + 1, end) == end ? index : null;
      }
      if (c != ',') {
        return null;
      }
      i = Utf8Skipper.skipWs(json, i + 1, end);
    }
  }

  /** Returns the index of the closing quote of a key of printable ASCII only, or -1. */
  private static int plainKey(byte[] json, int i, int end) {
    while (i < end) {
      int c = json[i];
      if (c == '"') {
        return i;
      }
      if (c < 0x20 || c == '\\') { // negative: a byte outside ASCII
        return -1;
      }
      i++;
    }
    return -1;
  }

  /** Returns whether {@code json[from, to)} holds a backslash. */
  static boolean hasBackslash(byte[] json, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(json, i) ^ BACKSLASHES;
      if (((x - ONES) & ~x & HIGHS) != 0) {
        return true;
      }
    }
    for (; i < to; i++) {
      if (json[i] == '\\') {
        return true;
      }
    }
    return false;
  }
}
