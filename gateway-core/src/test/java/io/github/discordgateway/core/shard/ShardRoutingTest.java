package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardRoutingTest {

  @Test
  @DisplayName("15.21 routing: (guild_id >> 22) % num_shards")
  void routesGuildsByTheTimestampBitsOfTheirId() {
    long guildId = 573544236423708672L;
    assertThat(ShardRouting.shardFor(guildId, 1)).isZero();
    assertThat(ShardRouting.shardFor(guildId, 16)).isEqualTo((int) ((guildId >> 22) % 16));
    assertThat(ShardRouting.shardFor(81384788765712384L, 3)).isEqualTo(1);
  }

  @Test
  @DisplayName("15.21 routing: unsigned arithmetic for ids with the top bit set")
  void usesUnsignedArithmetic() {
    long huge = Long.parseUnsignedLong("18446744073709551615");
    int shard = ShardRouting.shardFor(huge, 7);
    assertThat(shard).isBetween(0, 6).isEqualTo((int) (((1L << 42) - 1) % 7));
  }

  @Test
  void bucketsShardsByMaxConcurrency() {
    assertThat(ShardRouting.bucketOf(17, 16)).isEqualTo(1);
    assertThat(ShardRouting.bucketOf(5, 1)).isZero();
  }
}
