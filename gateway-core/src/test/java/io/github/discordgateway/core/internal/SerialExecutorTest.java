package io.github.discordgateway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  /**
   * The reader's hot path (claim the idle executor, else queue) meets another thread (a timer, a
   * delivery thread) that is releasing the executor: the reader's input B must not run before its
   * earlier input A, queued while the other thread held the executor. The queue stops the other
   * thread at the two instants that matter: after its last empty poll (the reader then queues A)
   * and after it released the executor (the reader then submits B). A claim used to succeed there
   * and run B at once, before A: a dispatch then arrived "out of order" and was dropped.
   */
  @Test
  void aClaimNeverOvertakesTheClaimersOwnQueuedTask() throws Exception {
    Thread[] holder = new Thread[1];
    CountDownLatch queueA = new CountDownLatch(1);
    CountDownLatch aQueued = new CountDownLatch(1);
    CountDownLatch submitB = new CountDownLatch(1);
    CountDownLatch bSubmitted = new CountDownLatch(1);
    ConcurrentLinkedQueue<Runnable> tasks =
        new ConcurrentLinkedQueue<>() {
          private boolean polledEmpty;
          private boolean released;

          @Override
          public Runnable poll() {
            Runnable task = super.poll();
            if (task == null && Thread.currentThread() == holder[0] && !polledEmpty) {
              polledEmpty = true;
              queueA.countDown();
              await(aQueued);
            }
            return task;
          }

          @Override
          public boolean isEmpty() {
            if (Thread.currentThread() == holder[0] && polledEmpty && !released) {
              released = true;
              submitB.countDown();
              await(bSubmitted);
            }
            return super.isEmpty();
          }
        };
    SerialExecutor serial = new SerialExecutor(null, null, tasks);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Thread other = new Thread(() -> serial.execute(() -> order.add("other")));
    holder[0] = other;
    other.start();

    await(queueA);
    assertThat(serial.tryEnter()).isFalse();
    serial.execute(() -> order.add("A"));
    aQueued.countDown();
    await(submitB);
    if (serial.tryEnter()) {
      try {
        order.add("B");
      } finally {
        serial.exit();
      }
    } else {
      serial.execute(() -> order.add("B"));
    }
    bSubmitted.countDown();
    other.join(10_000);

    assertThat(order).containsExactly("other", "A", "B");
    assertThat(serial.idle()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the other thread did not reach the expected step");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
