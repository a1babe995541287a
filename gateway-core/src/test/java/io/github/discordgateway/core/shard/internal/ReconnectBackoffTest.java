package io.github.discordgateway.core.shard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.discordgateway.core.shard.BackoffPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  private final BackoffPolicy policy =
      new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, Duration.ofMinutes(1));

  @Test
  void delaysGrowExponentiallyWithFullJitterAndAreCapped() {
    ReconnectBackoff backoff = new ReconnectBackoff(policy, new SplittableRandom(42));
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      delays.add(backoff.next());
    }
    for (int i = 0; i < delays.size(); i++) {
      assertThat(delays.get(i)).isBetween(Duration.ZERO, backoff.ceiling(i));
    }
    assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofSeconds(30));
    assertThat(delays).as("jitter: not all delays equal").doesNotHaveDuplicates();
  }

  @Test
  void resetStartsFromTheFirstAttemptAgain() {
    ReconnectBackoff backoff = new ReconnectBackoff(policy, new SplittableRandom(1));
    for (int i = 0; i < 8; i++) {
      backoff.next();
    }
    assertThat(backoff.attempts()).isEqualTo(8);
    backoff.reset();
    assertThat(backoff.attempts()).isZero();
    assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void neverOverflowsAfterManyAttempts() {
    ReconnectBackoff backoff = new ReconnectBackoff(policy, new SplittableRandom(7));
    for (int i = 0; i < 10_000; i++) {
      assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void rejectsInconsistentPolicies() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new BackoffPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, Duration.ZERO))
        .withMessageContaining("max");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, Duration.ZERO))
        .withMessageContaining("multiplier");
  }
}
