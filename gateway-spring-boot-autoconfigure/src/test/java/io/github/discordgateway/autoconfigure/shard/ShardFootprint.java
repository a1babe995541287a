package io.github.discordgateway.autoconfigure.shard;

import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * Measurements for the closing note, run by hand (not part of the suite):
 *
 * <pre>
 * fake PORT_FILE SHARDS MAX_CONCURRENCY WINDOW_MS   starts a fake gateway in this JVM
 * start URL SHARDS MAX_CONCURRENCY WINDOW_MS        times a start of SHARDS shards against it
 * heap URL TOTAL FIRST SECOND COMPRESSION            heap per idle shard: FIRST, then SECOND more
 * </pre>
 *
 * The fake runs in its own JVM so that its sessions and buffers do not count as client heap.
 */
public final class ShardFootprint {

  private ShardFootprint() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "fake" -> fake(args);
      case "start" -> start(args);
      case "heap" -> heap(args);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void fake(String[] args) throws Exception {
    FakeGatewayConfig config =
        FakeDiscordGateway.builder()
            .shards(Integer.parseInt(args[2]))
            .maxConcurrency(Integer.parseInt(args[3]))
            .identifyWindow(Duration.ofMillis(Long.parseLong(args[4])))
            .heartbeatInterval(Duration.ofSeconds(41))
            .build();
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start(config)) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), gateway.gatewayUrl());
      System.in.read(); // runs until stdin closes
    }
  }

  private static ShardManagerBuilder manager(
      String url, int total, int maxConcurrency, Duration window, Compression compression) {
    ExecutorGatewayScheduler limiterTimer = ExecutorGatewayScheduler.create("limiter", 1);
    return ShardManager.builder(
            GatewaySettings.builder(FakeGatewayConfig.DEFAULT_TOKEN)
                .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                .compression(compression)
                .build(),
            new SpringWebSocketTransport(
                SpringWebSocketTransport.standardClient(4), 16 << 20, Duration.ofSeconds(10)))
        .gatewayUrl(url)
        .totalShards(total)
        .maxConcurrency(maxConcurrency)
        .identifyLimiter(new LocalIdentifyLimiter(InstantSource.system(), limiterTimer, window));
  }

  private static void start(String[] args) throws Exception {
    int shards = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    Duration window = Duration.ofMillis(Long.parseLong(args[4]));
    try (ShardManager manager =
        manager(args[1], shards, concurrency, window, Compression.ZLIB_STREAM).build()) {
      long begin = System.nanoTime();
      manager.start().get(5, TimeUnit.MINUTES);
      long took = (System.nanoTime() - begin) / 1_000_000;
      System.out.printf(
          "RESULT start: %d shards, max_concurrency %d, window %d ms: all READY in %d ms%n",
          shards, concurrency, window.toMillis(), took);
    }
  }

  private static void heap(String[] args) throws Exception {
    String url = args[1];
    int total = Integer.parseInt(args[2]);
    int first = Integer.parseInt(args[3]);
    int second = Integer.parseInt(args[4]);
    Compression compression = Compression.valueOf(args[5]);
    try (ShardManager a =
            manager(url, total, total, Duration.ofMillis(1), compression)
                .shardIds("0-" + (first - 1))
                .build();
        ShardManager b =
            manager(url, total, total, Duration.ofMillis(1), compression)
                .shardIds(first + "-" + (first + second - 1))
                .build()) {
      a.start().get(2, TimeUnit.MINUTES);
      long usedFirst = settledHeap();
      b.start().get(2, TimeUnit.MINUTES);
      long usedBoth = settledHeap();
      boolean allConnected =
          a.states().stream().allMatch(s -> s.status() == ShardStatus.CONNECTED)
              && b.states().stream().allMatch(s -> s.status() == ShardStatus.CONNECTED);
      System.out.printf(
          "RESULT heap (%s): %d shards %d KiB, %d shards %d KiB -> %.1f KiB per idle shard"
              + " (all connected: %s, live threads %d)%n",
          compression,
          first,
          usedFirst / 1024,
          first + second,
          usedBoth / 1024,
          (usedBoth - usedFirst) / 1024.0 / second,
          allConnected,
          ManagementFactory.getThreadMXBean().getThreadCount());
    }
  }

  /**
   * Returns the least heap used over six collections. Each reading waits, bounded, until a weak
   * reference made just before has been cleared, which proves that a collection ran since.
   */
  private static long settledHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      WeakReference<Object> sentinel = new WeakReference<>(new Object());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                System.gc();
                return sentinel.get() == null;
              });
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
