package io.github.discordgateway.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {

  /** Runs tasks only when the test says so: deliveries are fully under the test's control. */
  static final class ManualExecutor implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
      tasks.add(command);
    }

    int runAll() {
      int runs = 0;
      while (!tasks.isEmpty() && runs < 10_000) {
        tasks.poll().run();
        runs++;
      }
      return runs;
    }
  }

  static final class RecordingFlow implements FlowControl {
    final List<String> calls = new ArrayList<>();

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume() {
      calls.add("resume");
    }
  }

  @Test
  void deliversInOrderOnTheExecutorNotOnTheOfferingThread() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> seen = new ArrayList<>();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, FlowControl.NONE, 100, 8);
    for (int i = 0; i < 20; i++) {
      queue.offer(i);
    }
    assertThat(seen).as("nothing delivered on the offering thread").isEmpty();
    executor.runAll();
    assertThat(seen)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    assertThat(queue.size()).isZero();
  }

  @Test
  void deferredItemsWaitForTheFlushAndThenGoOutInOneRun() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> seen = new ArrayList<>();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, FlowControl.NONE, 100, 8);
    for (int i = 0; i < 5; i++) {
      queue.offerDeferred(i);
    }
    assertThat(executor.tasks).isEmpty();

    queue.flush();

    assertThat(executor.runAll()).isEqualTo(1);
    assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    queue.flush();
    assertThat(executor.tasks).as("nothing left to flush").isEmpty();
  }

  @Test
  void deferredItemsStartARunOnceABatchWaits() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> seen = new ArrayList<>();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, FlowControl.NONE, 100, 4);
    for (int i = 0; i < 3; i++) {
      queue.offerDeferred(i);
    }
    assertThat(executor.tasks).isEmpty();
    queue.offerDeferred(3);
    assertThat(executor.tasks).hasSize(1);
    queue.offerDeferred(4);
    queue.offer(5);
    executor.runAll();
    assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void deferredItemsPauseTheSourceAtCapacityLikeOffers() {
    ManualExecutor executor = new ManualExecutor();
    RecordingFlow flow = new RecordingFlow();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(executor, i -> {}, (i, e) -> {}, flow, 10, 100);
    for (int i = 0; i < 10; i++) {
      queue.offerDeferred(i);
    }
    assertThat(flow.calls).containsExactly("pause");
    queue.flush();
    executor.runAll();
    assertThat(flow.calls).containsExactly("pause", "resume");
    assertThat(queue.size()).isZero();
  }

  @Test
  void yieldsAfterEachBatchSoOtherQueuesOnTheSameExecutorGetTurns() {
    ManualExecutor executor = new ManualExecutor();
    List<String> seen = new ArrayList<>();
    DeliveryQueue<String> a =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, FlowControl.NONE, 100, 2);
    DeliveryQueue<String> b =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, FlowControl.NONE, 100, 2);
    for (int i = 0; i < 4; i++) {
      a.offer("a" + i);
    }
    b.offer("b0");
    executor.runAll();
    assertThat(seen).containsExactly("a0", "a1", "b0", "a2", "a3");
  }

  @Test
  void pausesTheSourceAtCapacityAndResumesAtHalfWithoutDroppingAnything() {
    ManualExecutor executor = new ManualExecutor();
    RecordingFlow flow = new RecordingFlow();
    List<Integer> seen = new ArrayList<>();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(executor, seen::add, (i, e) -> {}, flow, 4, 1);
    for (int i = 0; i < 6; i++) {
      queue.offer(i);
    }
    assertThat(flow.calls).containsExactly("pause");
    assertThat(queue.paused()).isTrue();
    assertThat(queue.size()).as("items read after the pause are kept").isEqualTo(6);

    executor.tasks.poll().run(); // 5 left
    executor.tasks.poll().run(); // 4 left
    executor.tasks.poll().run(); // 3 left
    assertThat(flow.calls).containsExactly("pause");
    executor.tasks.poll().run(); // 2 left = capacity / 2
    assertThat(flow.calls).containsExactly("pause", "resume");
    executor.runAll();
    assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(queue.pauseCount()).isEqualTo(1);
  }

  @Test
  void aThrowingConsumerDoesNotStopLaterItems() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> seen = new ArrayList<>();
    List<Integer> failed = new ArrayList<>();
    DeliveryQueue<Integer> queue =
        new DeliveryQueue<>(
            executor,
            i -> {
              if (i == 1) {
                throw new IllegalStateException("listener bug");
              }
              seen.add(i);
            },
            (i, e) -> failed.add(i),
            FlowControl.NONE,
            10,
            10);
    queue.offer(0);
    queue.offer(1);
    queue.offer(2);
    executor.runAll();
    assertThat(seen).containsExactly(0, 2);
    assertThat(failed).containsExactly(1);
  }

  @Test
  void neverDeliversConcurrentlyOnARealPool() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger maxInFlight = new AtomicInteger();
      List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      DeliveryQueue<Integer> queue =
          new DeliveryQueue<>(
              pool,
              i -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                seen.add(i);
                inFlight.decrementAndGet();
              },
              (i, e) -> {},
              FlowControl.NONE,
              1_000_000,
              16);
      for (int i = 0; i < 50_000; i++) {
        queue.offer(i);
      }
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> seen.size() == 50_000);
      assertThat(maxInFlight.get()).isEqualTo(1);
      for (int i = 0; i < 50_000; i++) {
        assertThat(seen.get(i)).isEqualTo(i);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
