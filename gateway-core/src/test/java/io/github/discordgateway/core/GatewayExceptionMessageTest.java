package io.github.discordgateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayExceptionMessageTest {

  @Test
  @DisplayName("fatal close messages end without a period, so a log line can add its own sentence")
  void fatalCloseMessagesEndWithoutAPeriod() {
    for (int code : new int[] {4004, 4010, 4011, 4012, 4013, 4014}) {
      String message = GatewayException.forCloseCode(code, "").getMessage();
      assertThat(message).as("close %d", code).doesNotEndWith(".").contains(String.valueOf(code));
      assertThat(message + ". Not retrying").doesNotContain("..");
    }
    assertThat(GatewayException.forCloseCode(4004, "Authentication failed.").getMessage())
        .contains("Check the bot token")
        .doesNotContain("..")
        .doesNotEndWith(".");
  }
}
