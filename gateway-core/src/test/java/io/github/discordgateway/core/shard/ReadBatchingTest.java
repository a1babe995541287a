package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.session.InMemorySessionStore;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A transport that reports where its reads end ({@code ConnectionHandler.onReadComplete}) gets the
 * dispatches of one read delivered together; one that does not gets each delivered at once.
 */
class ReadBatchingTest {

  private final Queue<Runnable> deliveries = new ArrayDeque<>();
  private final ShardKit kit =
      new ShardKit(new InMemorySessionStore(), Runnable::run, deliveries::add);

  private int deliverAll() {
    int runs = 0;
    for (; runs < 100_000 && !deliveries.isEmpty(); runs++) {
      deliveries.poll().run();
    }
    return runs;
  }

  /** A connected shard whose transport has reported one read end (READY's). */
  private InMemoryTransport.Link connectedWithReadEnds(ShardOptions options) {
    Shard shard = kit.shard(0, 1, options);
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    link.handler.onReadComplete();
    deliverAll();
    return link;
  }

  private List<Long> dispatchedSequences() {
    return kit.events(ShardDispatch.class).stream().map(ShardDispatch::sequence).toList();
  }

  @Test
  void dispatchesOfOneReadReachListenersInOneDeliveryRunOnceTheReadEnds() {
    InMemoryTransport.Link link =
        connectedWithReadEnds(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF));

    for (long seq = 2; seq <= 11; seq++) {
      link.dispatch(seq, "MESSAGE_CREATE", "{}");
    }
    assertThat(deliveries).as("no delivery run before the read ends").isEmpty();
    link.handler.onReadComplete();

    assertThat(deliverAll()).isEqualTo(1);
    assertThat(dispatchedSequences())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 11).boxed().toList());
  }

  @Test
  void aReadOfMoreThanOneBatchStartsDeliveringBeforeItEnds() {
    InMemoryTransport.Link link =
        connectedWithReadEnds(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF));

    for (long seq = 2; seq <= 101; seq++) {
      link.dispatch(seq, "MESSAGE_CREATE", "{}");
    }

    assertThat(deliveries).as("a run starts once a batch (64) waits").hasSize(1);
    deliverAll();
    link.handler.onReadComplete();
    deliverAll();
    assertThat(dispatchedSequences())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 101).boxed().toList());
  }

  @Test
  void aTransportThatNeverReportsReadEndsGetsEachDispatchDeliveredAtOnce() {
    Shard shard = kit.shard(0, 1, ShardOptions.defaults().withBackoff(ShardKit.BACKOFF));
    shard.start();
    InMemoryTransport.Link link = kit.connect("s-1");
    deliverAll();

    link.dispatch(2, "MESSAGE_CREATE", "{}");

    assertThat(deliveries).hasSize(1);
    deliverAll();
    assertThat(dispatchedSequences()).containsExactly(1L, 2L);
  }

  @Test
  void dispatchesWaitingForTheirReadEndAreDeliveredWhenTheConnectionCloses() {
    InMemoryTransport.Link link =
        connectedWithReadEnds(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF));
    link.dispatch(2, "MESSAGE_CREATE", "{}");
    link.dispatch(3, "MESSAGE_CREATE", "{}");

    // the transport closes without a read end
    link.serverClose(1006, "");
    deliverAll();

    assertThat(dispatchedSequences()).containsExactly(1L, 2L, 3L);
    List<ShardEvent> events = List.copyOf(kit.events);
    int lastDispatch = events.indexOf(kit.events(ShardDispatch.class).get(2));
    int disconnected = events.indexOf(kit.events(ShardDisconnected.class).get(0));
    assertThat(lastDispatch).isLessThan(disconnected);
  }

  @Test
  void dispatchesWaitingForTheirReadEndStillPauseReadingAtTheQueueCapacity() {
    InMemoryTransport.Link link =
        connectedWithReadEnds(
            ShardOptions.defaults().withBackoff(ShardKit.BACKOFF).withEventQueueCapacity(16));

    for (long seq = 2; seq <= 17; seq++) {
      link.dispatch(seq, "MESSAGE_CREATE", "{}");
    }

    assertThat(link.readingPaused).isTrue();
    link.handler.onReadComplete();
    deliverAll();
    assertThat(link.readingPaused).isFalse();
    assertThat(dispatchedSequences()).hasSize(17);
  }

  @Test
  void aReadThatEndsWhileTheShardIsBusyElsewherePausesReadingUntilTheShardCaughtUp() {
    InMemoryTransport.Link link =
        connectedWithReadEnds(ShardOptions.defaults().withBackoff(ShardKit.BACKOFF));
    List<String> seenDuringSend = new java.util.ArrayList<>();
    // the heartbeat is sent from the shard's executor: a read ending meanwhile (on the transport's
    // thread, here the same one) finds the executor taken
    link.onSend =
        () -> {
          link.onSend = null;
          link.dispatch(2, "MESSAGE_CREATE", "{}");
          link.handler.onReadComplete();
          seenDuringSend.addAll(link.readingCalls);
        };

    kit.scheduler.advance(java.time.Duration.ofSeconds(42));
    deliverAll();

    assertThat(seenDuringSend).as("paused while the read's messages wait").containsExactly("pause");
    assertThat(link.readingCalls)
        .as("resumed once they were handled")
        .containsExactly("pause", "resume");
    assertThat(link.readingPaused).isFalse();
    assertThat(dispatchedSequences()).containsExactly(1L, 2L);
  }
}
