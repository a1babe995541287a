package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardIdsTest {

  @Test
  void blankSpecMeansEveryShard() {
    assertThat(ShardIds.parse(null, 4)).containsExactly(0, 1, 2, 3);
    assertThat(ShardIds.parse("  ", 2)).containsExactly(0, 1);
  }

  @Test
  void parsesRangesAndListsInAscendingOrderWithoutDuplicates() {
    assertThat(ShardIds.parse("0-7", 16)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(ShardIds.parse("4, 0,2", 8)).containsExactly(0, 2, 4);
    assertThat(ShardIds.parse("10-11,0-1,1", 12)).containsExactly(0, 1, 10, 11);
  }

  @Test
  void rejectsIdsNotBelowTheTotalNamingTheTotal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("0-8", 8))
        .withMessageContaining("8")
        .withMessageContaining("below the shard total 8");
  }

  @Test
  void rejectsMalformedSpecsWithTheBadPart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("0-x", 8))
        .withMessageContaining("'x'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("5-2", 8))
        .withMessageContaining("Reversed range '5-2'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("1,,2", 8))
        .withMessageContaining("Empty entry");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("-1", 8))
        .withMessageContaining("Invalid shard id");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShardIds.parse("0", 0))
        .withMessageContaining("at least 1");
  }

  @Test
  void formatWritesRunsAsRangesThatParseReadsBack() {
    assertThat(ShardIds.format(List.of(0, 1, 2, 3, 8, 10, 11))).isEqualTo("0-3,8,10-11");
    assertThat(ShardIds.format(List.of(5))).isEqualTo("5");
    assertThat(ShardIds.format(List.of())).isEqualTo("none");
    assertThat(ShardIds.parse(ShardIds.format(List.of(0, 2, 3, 4)), 5)).containsExactly(0, 2, 3, 4);
  }
}
