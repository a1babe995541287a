package io.github.discordgateway.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What follows a close, as a table: close code (or op 9) and session -> next step and delay. */
class CloseDecisionTest {

  @ParameterizedTest(name = "close {0}, resumable session {1} -> {2}, discard {3}")
  @CsvSource({
    "1000, true,  RESUME,     false",
    "1001, true,  RESUME,     false",
    "1006, true,  RESUME,     false",
    "1006, false, IDENTIFY,   false",
    "4000, true,  RESUME,     false",
    "4001, true,  RESUME,     false",
    "4002, true,  RESUME,     false",
    "4003, true,  IDENTIFY,   true",
    "4004, true,  STOP_FATAL, false",
    "4005, true,  RESUME,     false",
    "4007, true,  IDENTIFY,   true",
    "4008, true,  RESUME,     false",
    "4009, true,  IDENTIFY,   true",
    "4010, true,  STOP_FATAL, false",
    "4011, true,  STOP_FATAL, false",
    "4012, true,  STOP_FATAL, false",
    "4013, true,  STOP_FATAL, false",
    "4014, true,  STOP_FATAL, false",
    "4900, true,  RESUME,     false",
    "3999, false, IDENTIFY,   false",
  })
  void closeCodes(int code, boolean resumable, NextStep next, boolean discard) {
    CloseDecision decision = CloseDecision.forCloseCode(code, resumable);
    assertThat(decision.next()).isEqualTo(next);
    assertThat(decision.discardSession()).isEqualTo(discard);
    assertThat(decision.delay()).isZero();
  }

  @ParameterizedTest(name = "op 9 d={0}, resumable session {1}, random {2} -> {3} after {4} ms")
  @CsvSource({
    "true,  true,  0.5,   RESUME,   0",
    "true,  false, 0.5,   IDENTIFY, 0",
    "false, true,  0.0,   IDENTIFY, 1000",
    "false, true,  0.5,   IDENTIFY, 3000",
    "false, true,  0.999, IDENTIFY, 4996",
    "false, false, 2.0,   IDENTIFY, 1000",
  })
  void invalidSession(
      boolean mayResume, boolean resumable, double random, NextStep next, long delayMs) {
    CloseDecision decision = CloseDecision.forInvalidSession(mayResume, resumable, random);
    assertThat(decision.next()).isEqualTo(next);
    assertThat(decision.discardSession()).isEqualTo(!mayResume);
    assertThat(decision.delay()).isEqualTo(Duration.ofMillis(delayMs));
  }
}
