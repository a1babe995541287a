package io.github.discordgateway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  @Test
  void anIdleExecutorRunsTheTaskOnTheCallingThread() {
    SerialExecutor serial = SerialExecutor.inline();
    List<Thread> ran = new ArrayList<>();
    serial.execute(() -> ran.add(Thread.currentThread()));
    assertThat(ran).containsExactly(Thread.currentThread());
    assertThat(serial.idle()).isTrue();
  }

  @Test
  void aTaskSubmittedByARunningTaskRunsAfterItInOrder() {
    SerialExecutor serial = SerialExecutor.inline();
    List<String> order = new ArrayList<>();
    serial.execute(
        () -> {
          order.add("outer start");
          serial.execute(() -> order.add("inner"));
          order.add("outer end");
        });
    assertThat(order).containsExactly("outer start", "outer end", "inner");
  }

  @Test
  void aThrowingTaskDoesNotStopTheNext() {
    SerialExecutor serial = SerialExecutor.inline();
    List<String> order = new ArrayList<>();
    serial.execute(
        () -> {
          serial.execute(
              () -> {
                throw new IllegalStateException("boom");
              });
          serial.execute(() -> order.add("next"));
        });
    assertThat(order).containsExactly("next");
  }

  @Test
  void aBorrowedThreadHandsALongBacklogToTheOverflowExecutor() {
    Queue<Runnable> overflow = new ArrayDeque<>();
    SerialExecutor serial = SerialExecutor.inline(overflow::add);
    List<Integer> ran = new ArrayList<>();
    serial.execute(
        () -> {
          for (int i = 0; i < 200; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
          }
        });
    assertThat(ran).hasSize(SerialExecutor.BATCH - 1);
    assertThat(serial.idle()).isFalse();
    // a submitter meanwhile only queues: the executor is still held
    serial.execute(() -> ran.add(-1));
    assertThat(ran).hasSize(SerialExecutor.BATCH - 1);
    while (!overflow.isEmpty()) {
      overflow.poll().run();
    }
    assertThat(ran).hasSize(201).endsWith(199, -1);
    assertThat(serial.idle()).isTrue();
  }

  @Test
  void tryEnterClaimsAnIdleExecutorAndExitRunsWhatQueuedMeanwhile() {
    SerialExecutor serial = SerialExecutor.inline();
    List<String> order = new ArrayList<>();
    assertThat(serial.tryEnter()).isTrue();
    serial.execute(() -> order.add("queued"));
    assertThat(order).isEmpty();
    assertThat(serial.tryEnter()).isFalse();
    serial.exit();
    assertThat(order).containsExactly("queued");
    assertThat(serial.idle()).isTrue();
  }
}
