package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The listener time of every dispatch reaches the observer: as primitives for an observer that
 * takes them ({@link ShardObserver#dispatchDelivered}), as a {@link ShardSignal.DispatchDelivered}
 * for one that only has {@link ShardObserver#on}.
 */
class ListenerTimeSignalTest {

  private final ShardKit kit = new ShardKit();

  /** One call of {@link ShardObserver#dispatchDelivered}. */
  record Delivered(int shardId, String type, long listenerNanos, boolean failed) {}

  @Test
  @DisplayName("an observer of the primitive form gets each dispatch's time spent in listeners")
  void primitiveObserverGetsEveryDispatch() {
    List<Delivered> delivered = new CopyOnWriteArrayList<>();
    List<ShardSignal> signals = new CopyOnWriteArrayList<>();
    ShardObserver observer =
        new ShardObserver() {
          @Override
          public void on(ShardSignal signal) {
            signals.add(signal);
          }

          @Override
          public void dispatchDelivered(
              int shardId, String type, long listenerNanos, boolean failed) {
            delivered.add(new Delivered(shardId, type, listenerNanos, failed));
          }
        };
    List<Long> measuredInside = new CopyOnWriteArrayList<>();
    Shard shard =
        shard(
            observer,
            event -> {
              long start = System.nanoTime();
              if (event instanceof ShardDispatch d && d.sequence() == 3) {
                throw new IllegalStateException("listener bug");
              }
              measuredInside.add(System.nanoTime() - start);
            });
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    for (int seq = 2; seq <= 4; seq++) {
      link.dispatch(seq, "MESSAGE_CREATE", "{}");
    }

    assertThat(delivered)
        .extracting(Delivered::type, Delivered::failed)
        .containsExactly(
            tuple("READY", false),
            tuple("MESSAGE_CREATE", false),
            tuple("MESSAGE_CREATE", true),
            tuple("MESSAGE_CREATE", false));
    assertThat(delivered).allSatisfy(d -> assertThat(d.shardId()).isZero());
    // the time covers the listener's own run
    assertThat(delivered.get(3).listenerNanos()).isGreaterThanOrEqualTo(measuredInside.get(2));
    assertThat(delivered).allSatisfy(d -> assertThat(d.listenerNanos()).isNotNegative());
    assertThat(signals).noneMatch(ShardSignal.DispatchDelivered.class::isInstance);
    assertThat(signals).anyMatch(ShardSignal.DispatchReceived.class::isInstance);
  }

  @Test
  @DisplayName("an observer of signals only gets a DispatchDelivered per dispatch, as before")
  void signalObserverGetsTheRecord() {
    List<ShardSignal.DispatchDelivered> delivered = new CopyOnWriteArrayList<>();
    ShardObserver observer =
        signal -> {
          if (signal instanceof ShardSignal.DispatchDelivered d) {
            delivered.add(d);
          }
        };
    Shard shard = shard(observer, event -> {});
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    link.dispatch(2, "GUILD_CREATE", "{\"id\":\"1\"}");

    assertThat(delivered)
        .extracting(ShardSignal.DispatchDelivered::type)
        .containsExactly("READY", "GUILD_CREATE");
    assertThat(delivered)
        .allSatisfy(
            d -> {
              assertThat(d.shardId()).isZero();
              assertThat(d.failed()).isFalse();
              assertThat(d.listenerTime().isNegative()).isFalse();
            });
  }

  private Shard shard(ShardObserver observer, Consumer<ShardEvent> listener) {
    ShardContext c = kit.context;
    ShardContext context =
        new ShardContext(
            c.transport(),
            c.scheduler(),
            c.deliveryExecutor(),
            c.clock(),
            c.random(),
            c.identifyLimiter(),
            c.maxConcurrency(),
            c.sessionStore(),
            c.discoveryUrl(),
            observer,
            c.sendExecutor(),
            c.commandTimeout(),
            c.sessionStarts());
    return new Shard(
        ShardKit.settings(0, 1),
        context,
        ShardOptions.defaults().withBackoff(ShardKit.BACKOFF),
        listener::accept);
  }
}
