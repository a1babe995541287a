package io.github.discordgateway.core.shard;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Parses and validates the set of shard ids one process runs: ranges ({@code "0-7"}), lists ({@code
 * "0,2,4"}) or both ({@code "0-3,8,10-11"}). Ids are returned in ascending order without
 * duplicates.
 *
 * <pre>{@code
 * List<Integer> ids = ShardIds.parse("0-3,8", 16); // [0, 1, 2, 3, 8]
 * }</pre>
 */
public final class ShardIds {

  private ShardIds() {}

  /**
   * Parses {@code spec} for a bot with {@code total} shards; a blank spec means every shard.
   *
   * @param spec the ids, for example {@code "0-7"} or {@code "0,2,4"}; {@code null} or blank for
   *     all
   * @param total the total shard count (at least 1)
   * @return the ids in ascending order
   * @throws IllegalArgumentException with a message naming the bad part, for a malformed spec, a
   *     reversed range, or an id that is not below {@code total}
   */
  public static List<Integer> parse(String spec, int total) {
    if (total < 1) {
      throw new IllegalArgumentException("The shard total must be at least 1, but was " + total);
    }
    BitSet ids = new BitSet(total);
    if (spec == null || spec.isBlank()) {
      ids.set(0, total);
      return toList(ids);
    }
    for (String rawPart : spec.split(",")) {
      String part = rawPart.trim();
      if (part.isEmpty()) {
        throw new IllegalArgumentException("Empty entry in shard ids '" + spec + "'");
      }
      int dash = part.indexOf('-', 1);
      int from;
      int to;
      if (dash > 0) {
        from = parseId(part.substring(0, dash).trim(), spec);
        to = parseId(part.substring(dash + 1).trim(), spec);
        if (to < from) {
          throw new IllegalArgumentException(
              "Reversed range '" + part + "' in shard ids '" + spec + "'");
        }
      } else {
        from = parseId(part, spec);
        to = from;
      }
      if (to >= total) {
        throw new IllegalArgumentException(
            "Shard id "
                + to
                + " in '"
                + spec
                + "' is out of range: ids must be below the shard total "
                + total);
      }
      ids.set(from, to + 1);
    }
    return toList(ids);
  }

  private static int parseId(String text, String spec) {
    try {
      int id = Integer.parseInt(text);
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          "Invalid shard id '"
              + text
              + "' in '"
              + spec
              + "': expected a number >= 0 or a range a-b");
    }
  }

  private static List<Integer> toList(BitSet ids) {
    List<Integer> result = new ArrayList<>(ids.cardinality());
    for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
      result.add(id);
    }
    return List.copyOf(result);
  }

  /**
   * Writes ids the way {@link #parse(String, int)} reads them, runs as ranges: {@code [0, 1, 2, 3,
   * 8]} becomes {@code "0-3,8"}, an empty list {@code "none"}.
   *
   * @param ids the ids in ascending order
   * @return the compact form
   */
  public static String format(List<Integer> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    int start = ids.get(0);
    int prev = start;
    for (int i = 1; i <= ids.size(); i++) {
      int next = i < ids.size() ? ids.get(i) : Integer.MIN_VALUE;
      if (next != prev + 1) {
        if (text.length() > 0) {
          text.append(',');
        }
        text.append(start == prev ? String.valueOf(start) : start + "-" + prev);
        start = next;
      }
      prev = next;
    }
    return text.toString();
  }
}
