package io.github.discordgateway.autoconfigure.shard;

import static io.github.discordgateway.autoconfigure.shard.ShardHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process's thread count does not grow with the number of shards. */
class ShardThreadsTest {

  private static final Logger log = LoggerFactory.getLogger(ShardThreadsTest.class);

  private static final int MANY = 40;

  /**
   * Threads that follow concurrency, not the shard count: up to 4 connect threads of {@link
   * io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport#standardClient(int)}
   * (they end when idle) and Tomcat's shared AsyncIO threads, one per read in progress at once
   * (they end after 60 s idle); 40 simultaneous handshakes add a few of each.
   */
  private static final int MARGIN = 10;

  @Test
  void fortyShardsUseNoMoreThreadsThanOne() throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService delivery =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "discord-gateway-events-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ((ThreadPoolExecutor) delivery).prestartAllCoreThreads();
    try (FakeDiscordGateway gateway =
            ShardHarness.fake()
                .shards(MANY)
                .maxConcurrency(4)
                .identifyWindow(Duration.ofMillis(50))
                .heartbeatInterval(Duration.ofMillis(500))
                .start();
        ExecutorGatewayScheduler scheduler =
            ExecutorGatewayScheduler.create("test-gateway-timer", 1)) {
      int one = connectedThreads(gateway, delivery, scheduler, 1);
      mx.resetPeakThreadCount();
      int many = connectedThreads(gateway, delivery, scheduler, MANY);
      int peak = mx.getPeakThreadCount();
      log.info(
          "Live threads with 1 shard connected: {}; with {} shards: {} (peak while starting: {})",
          one,
          MANY,
          many,
          peak);

      assertThat(many).isLessThanOrEqualTo(one + MARGIN);
    } finally {
      delivery.shutdownNow();
    }
  }

  /** Live threads of this JVM except the fake gateway's and Awaitility's (test infrastructure). */
  private static int clientThreads() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long fake =
        java.util.Arrays.stream(mx.getThreadInfo(mx.getAllThreadIds()))
            .filter(
                info ->
                    info != null
                        && (info.getThreadName().startsWith("fake-discord-")
                            || info.getThreadName().startsWith("awaitility")
                            || info.getThreadName().startsWith("test-")))
            .count();
    return mx.getThreadCount() - (int) fake;
  }

  /**
   * Connects {@code count} shards, lets them idle through a heartbeat, returns the live threads.
   */
  private static int connectedThreads(
      FakeDiscordGateway gateway,
      ExecutorService delivery,
      ExecutorGatewayScheduler scheduler,
      int count)
      throws Exception {
    try (ShardManager manager =
        ShardHarness.manager(gateway, new RecordingListener())
            .totalShards(MANY)
            .shardIds(count == 1 ? "0" : "0-" + (count - 1))
            .maxConcurrency(4)
            .identifyLimiter(ShardHarness.limiter(Duration.ofMillis(100)))
            .deliveryExecutor(delivery)
            .scheduler(scheduler)
            .build()) {
      manager.start().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
      int heartbeats =
          gateway
              .recorder()
              .payloads(io.github.discordgateway.core.protocol.Opcode.HEARTBEAT)
              .size();
      // idle until every shard heartbeated at least once; transient connect threads end meanwhile
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  gateway
                          .recorder()
                          .payloads(io.github.discordgateway.core.protocol.Opcode.HEARTBEAT)
                          .size()
                      >= heartbeats + count);
      int[] settled = {Integer.MAX_VALUE};
      // the smallest count seen over a short idle period (threads that just finished may linger)
      await()
          .pollInterval(Duration.ofMillis(100))
          .atMost(Duration.ofSeconds(3))
          .during(Duration.ofMillis(500))
          .until(
              () -> {
                settled[0] = Math.min(settled[0], clientThreads());
                return true;
              });
      log.info(
          "Threads with {} shards: {}",
          count,
          Thread.getAllStackTraces().keySet().stream()
              .map(Thread::getName)
              .map(name -> name.replaceAll("[0-9]+$", "#"))
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      name -> name,
                      java.util.TreeMap::new,
                      java.util.stream.Collectors.counting())));
      return settled[0];
    }
  }
}
