package io.github.discordgateway.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PingBudgetTest {

  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final PingBudget budget = new PingBudget(3, nanos::get);

  @Test
  void answersUpToTheLimitInOneSecondAndRefusesTheNext() {
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isTrue();
    assertThat(budget.tryAcquire()).isFalse();
  }

  @Test
  void aNewSecondStartsAFreshWindow() {
    for (int i = 0; i < 3; i++) {
      budget.tryAcquire();
    }
    nanos.addAndGet(999_000_000L);
    assertThat(budget.tryAcquire()).isFalse();
    nanos.addAndGet(1_000_000L);
    assertThat(budget.tryAcquire()).isTrue();
  }
}
