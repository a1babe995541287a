package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.discordgateway.core.GatewayException;

/**
 * A shard as sent in Identify and received in READY: on the wire the array {@code [id, count]}.
 *
 * @param id the zero-based shard id
 * @param count the total number of shards
 */
public record ShardInfo(int id, int count) {

  /** Checks {@code 0 <= id < count}. */
  public ShardInfo {
    if (count < 1 || id < 0 || id >= count) {
      throw new GatewayException(
          GatewayException.Kind.INVALID_COMMAND,
          "Shard must be [id, count] with 0 <= id < count, got [" + id + ", " + count + "]");
    }
  }

  /** Returns the wire form {@code [id, count]}. */
  @JsonValue
  public int[] toArray() {
    return new int[] {id, count};
  }

  /**
   * Reads the wire form.
   *
   * @param array {@code [id, count]}
   * @return the shard
   */
  @JsonCreator
  public static ShardInfo fromArray(int[] array) {
    if (array == null || array.length != 2) {
      throw new GatewayException(
          GatewayException.Kind.DECODE_ERROR, "Shard must be an array of two integers");
    }
    return new ShardInfo(array[0], array[1]);
  }

  @Override
  public String toString() {
    return "[" + id + ", " + count + "]";
  }
}
