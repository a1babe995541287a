package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.session.InMemorySessionStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Back-pressure is honest with a transport that cannot pause reading: bounded, nothing lost. */
class BackPressureTest {

  private final Queue<Runnable> deliveries = new ArrayDeque<>();
  private final ShardKit kit =
      new ShardKit(new InMemorySessionStore(), Runnable::run, deliveries::add);

  private void deliverAll() {
    for (int i = 0; i < 100_000 && !deliveries.isEmpty(); i++) {
      deliveries.poll().run();
    }
  }

  @Test
  void aTransportThatKeepsReadingIsClosedAtTheBoundAndResumedOnceListenersCaughtUp() {
    Shard shard =
        kit.shard(
            0, 1, ShardOptions.defaults().withBackoff(ShardKit.BACKOFF).withEventQueueCapacity(16));
    shard.start();
    InMemoryTransport.Link first = kit.connect("s-1");
    deliverAll();
    // listeners stall; the in-memory transport ignores pauseReading and keeps delivering frames
    long seq = 1;
    while (first.closeCodes.isEmpty() && seq < 1_000) {
      first.dispatch(++seq, "MESSAGE_CREATE", "{}");
    }
    assertThat(first.readingPaused).as("the shard asked the transport to pause").isTrue();
    assertThat(first.closeCodes).containsExactly(4900);
    assertThat(shard.queuedEvents()).isLessThanOrEqualTo(300);
    long lastRead = seq;

    kit.scheduler.advance(Duration.ofSeconds(61));
    assertThat(kit.transport.links).as("no reconnect while listeners are behind").hasSize(1);

    deliverAll();
    assertThat(kit.transport.links).hasSize(2);
    InMemoryTransport.Link second = kit.transport.last().open();
    second.hello(41_250);
    assertThat(second.sent(6).get(0).get("d").get("seq").asLong()).isEqualTo(lastRead);
    assertThat(kit.events(ShardDispatch.class)).hasSize((int) lastRead);
  }
}
