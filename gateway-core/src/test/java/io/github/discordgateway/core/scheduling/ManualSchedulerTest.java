package io.github.discordgateway.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

  @Test
  @DisplayName(
      "runs due tasks in time order, ties in scheduling order, with the clock at their time")
  void runsInOrder() {
    ManualScheduler s = new ManualScheduler(Instant.EPOCH);
    List<String> ran = new ArrayList<>();
    s.schedule(() -> ran.add("b@" + s.now().toEpochMilli()), Duration.ofMillis(20));
    s.schedule(() -> ran.add("a@" + s.now().toEpochMilli()), Duration.ofMillis(10));
    s.schedule(() -> ran.add("c@" + s.now().toEpochMilli()), Duration.ofMillis(20));
    s.schedule(() -> ran.add("late"), Duration.ofMillis(31));
    assertThat(s.advance(Duration.ofMillis(30))).isEqualTo(3);
    assertThat(ran).containsExactly("a@10", "b@20", "c@20");
    assertThat(s.now()).isEqualTo(Instant.EPOCH.plusMillis(30));
    assertThat(s.clock().millis()).isEqualTo(30);
    assertThat(s.instantSource().millis()).isEqualTo(30);
    assertThat(s.nextDelay()).contains(Duration.ofMillis(1));
  }

  @Test
  @DisplayName("tasks scheduled while advancing run in the same advance when due; cancel works")
  void nestedAndCancel() {
    ManualScheduler s = new ManualScheduler();
    List<Integer> ran = new ArrayList<>();
    s.schedule(() -> s.schedule(() -> ran.add(2), Duration.ofSeconds(1)), Duration.ofSeconds(1));
    Cancellable c = s.schedule(() -> ran.add(3), Duration.ofSeconds(1));
    assertThat(c.cancel()).isTrue();
    assertThat(c.cancel()).isFalse();
    s.advance(Duration.ofSeconds(2));
    assertThat(ran).containsExactly(2);
    assertThat(s.pendingCount()).isZero();
  }

  @Test
  @DisplayName("a task that reschedules itself at zero delay forever is stopped with a clear error")
  void boundedAdvance() {
    ManualScheduler s = new ManualScheduler();
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> s.schedule(loop[0], Duration.ZERO);
    s.schedule(loop[0], Duration.ZERO);
    assertThatThrownBy(() -> s.advance(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loops");
  }

  @Test
  @DisplayName("the executor scheduler runs tasks, survives a failing task, and cancels")
  void executorScheduler() throws InterruptedException {
    try (ExecutorGatewayScheduler s = ExecutorGatewayScheduler.create("test-gw", 1)) {
      CountDownLatch latch = new CountDownLatch(1);
      s.schedule(
          () -> {
            throw new IllegalStateException("boom");
          },
          Duration.ZERO);
      Cancellable never = s.schedule(latch::countDown, Duration.ofHours(1));
      assertThat(never.cancel()).isTrue();
      s.schedule(latch::countDown, Duration.ofMillis(1));
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
