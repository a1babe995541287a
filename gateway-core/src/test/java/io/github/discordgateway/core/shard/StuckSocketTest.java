package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.session.InMemorySessionStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One socket that stops draining must not delay any other shard's heartbeats. */
class StuckSocketTest {

  private final ExecutorService writers = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void unstick() {
    release.countDown();
    writers.shutdownNow();
  }

  @Test
  void aStuckSocketDelaysNoOtherShardsHeartbeats() {
    ShardKit kit = new ShardKit(new InMemorySessionStore(), writers);
    Shard stuckShard = kit.shard(0, 2);
    stuckShard.start();
    InMemoryTransport.Link stuck = kit.connect("s-0");
    Shard healthyShard = kit.shard(1, 2);
    healthyShard.start();
    InMemoryTransport.Link healthy = kit.transport.last().open();
    healthy.hello(41_250);
    kit.scheduler.advance(Duration.ofSeconds(6));
    healthy.ready(1, "s-1");
    await().atMost(Duration.ofSeconds(5)).until(() -> healthy.sent(2).size() == 1);

    // shard 0's socket stops taking frames: its next write blocks its writer thread
    stuck.stuck = release;
    for (int beat = 0; beat < 3; beat++) {
      kit.scheduler.advance(Duration.ofMillis(41_250));
      healthy.text("{\"op\":11}");
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> healthy.sent(1).size() >= 3);
    assertThat(release.getCount()).as("shard 0's write is still blocked").isEqualTo(1);
    assertThat(stuck.sent(1)).isEmpty();
    assertThat(healthyShard.status()).isEqualTo(ShardStatus.CONNECTED);
  }
}
