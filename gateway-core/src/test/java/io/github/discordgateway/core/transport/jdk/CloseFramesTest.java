package io.github.discordgateway.core.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloseFramesTest {

  @Test
  void closeCodesTheJdkRefusesBecome1008AndReasonsAreCutTo123Bytes() {
    assertThat(CloseFrames.wireCode(4900)).isEqualTo(4900);
    assertThat(CloseFrames.wireCode(1000)).isEqualTo(1000);
    assertThat(CloseFrames.wireCode(1009)).isEqualTo(1008);
    assertThat(CloseFrames.wireCode(1006)).isEqualTo(1008);
    assertThat(CloseFrames.truncate(null)).isEmpty();
    assertThat(CloseFrames.truncate("é".repeat(100))).isEqualTo("é".repeat(61));
  }
}
