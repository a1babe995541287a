package io.github.discordgateway.core.codec.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON keys of a record (and of its unwrapped record) as UTF-8 bytes in an open-addressing
 * table, found straight from the bytes of a payload without making a string. Immutable.
 */
final class FieldNames {

  private final byte[][] keys;
  private final int[] slots;
  private final int mask;
  private final int count;

  /**
   * Makes the table.
   *
   * @param slotsByName each JSON key and its slot
   * @param count the number of slots
   */
  FieldNames(Map<String, Integer> slotsByName, int count) {
    int size = Integer.highestOneBit(Math.max(4, slotsByName.size() * 4) - 1) << 1;
    keys = new byte[size][];
    slots = new int[size];
    mask = size - 1;
    this.count = count;
    slotsByName.forEach(
        (name, slot) -> {
          byte[] key = name.getBytes(StandardCharsets.UTF_8);
          int i = hash(key, 0, key.length) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = key;
          slots[i] = slot;
        });
  }

  /** Returns the number of slots. */
  int slots() {
    return count;
  }

  /** Returns the slot of the key in {@code json[from, to)}, or -1 when the record has none. */
  int find(byte[] json, int from, int to) {
    int i = hash(json, from, to) & mask;
    for (byte[] key = keys[i]; key != null; key = keys[i]) {
      if (Arrays.equals(key, 0, key.length, json, from, to)) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static int hash(byte[] b, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return 0;
    }
    int h = n * 0x9E3779B1 + b[from] * 31 + b[to - 1] * 961 + b[from + (n >> 1)] * 29791;
    return h ^ (h >>> 15);
  }
}
