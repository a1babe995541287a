package io.github.discordgateway.core.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRateLimiterTest {

  @Test
  @DisplayName(
      "15.18 send rate limiter: ordinary commands stop at 110, priority up to 120 per 60 s")
  void reserveForPriority() {
    ManualScheduler time = new ManualScheduler();
    CommandRateLimiter limiter = new CommandRateLimiter(time.instantSource());
    int ordinary = 0;
    for (int i = 0; i < 200; i++) {
      if (limiter.tryAcquire(false)) {
        ordinary++;
      }
    }
    assertThat(ordinary).isEqualTo(110);
    int priority = 0;
    for (int i = 0; i < 50; i++) {
      if (limiter.tryAcquire(true)) {
        priority++;
      }
    }
    assertThat(priority).isEqualTo(10);
    assertThat(limiter.usedInWindow()).isEqualTo(120);
    assertThat(limiter.timeUntilAvailable(true)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("15.18 send rate limiter: the window slides, freeing slots as old sends expire")
  void windowSlides() {
    ManualScheduler time = new ManualScheduler();
    CommandRateLimiter limiter = new CommandRateLimiter(time.instantSource());
    for (int i = 0; i < 110; i++) {
      assertThat(limiter.tryAcquire(false)).isTrue();
      time.advance(Duration.ofMillis(100));
    }
    // first send was at t=0, now t=11s
    assertThat(limiter.tryAcquire(false)).isFalse();
    assertThat(limiter.timeUntilAvailable(false)).isEqualTo(Duration.ofSeconds(49));
    time.advance(Duration.ofSeconds(49));
    assertThat(limiter.tryAcquire(false)).isTrue();
    assertThat(limiter.tryAcquire(false)).isFalse();
  }
}
