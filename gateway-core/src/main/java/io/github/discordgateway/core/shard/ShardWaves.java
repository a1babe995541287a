package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts shards in waves: wave k holds the k-th shard of every identify bucket, and a wave starts
 * once every shard of the previous one sent Identify or Resume (or the wave timeout passed).
 */
final class ShardWaves {

  private static final Logger log = LoggerFactory.getLogger(ShardManager.class);

  private ShardWaves() {}

  static CompletableFuture<Void> start(
      List<Shard> all, int concurrency, GatewayScheduler scheduler, Duration waveTimeout) {
    // wave k holds the k-th shard of every bucket: one identify per bucket per wave
    Map<Integer, Integer> rank = new HashMap<>();
    List<List<Shard>> waves = new ArrayList<>();
    for (Shard shard : all) {
      int bucket = ShardRouting.bucketOf(shard.id(), concurrency);
      int k = rank.merge(bucket, 1, Integer::sum) - 1;
      while (waves.size() <= k) {
        waves.add(new ArrayList<>());
      }
      waves.get(k).add(shard);
    }
    List<CompletableFuture<Void>> readies = new ArrayList<>();
    CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    int number = 0;
    for (List<Shard> wave : waves) {
      CompletableFuture<Void> gate = previous;
      List<CompletableFuture<Void>> handshakes = new ArrayList<>();
      for (Shard shard : wave) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        readies.add(ready);
        CompletableFuture<Void> handshake = new CompletableFuture<>();
        handshakes.add(handshake);
        gate.whenComplete(
            (ignored, error) -> {
              ShardSupervisor.Start start = shard.begin();
              WaitingCommands.forward(start.ready(), ready);
              start.handshake().whenComplete((ok, failure) -> handshake.complete(null));
            });
      }
      previous =
          withTimeout(
              CompletableFuture.allOf(handshakes.toArray(CompletableFuture[]::new)),
              ++number,
              wave,
              scheduler,
              waveTimeout);
    }
    return CompletableFuture.allOf(readies.toArray(CompletableFuture[]::new));
  }

  /**
   * Opens a wave's gate after {@link ShardManagerBuilder#waveTimeout(Duration)} even if one of its
   * shards has not sent Identify or Resume by then (it keeps trying on its own): one shard that
   * cannot connect must not hold back every later wave.
   */
  private static CompletableFuture<Void> withTimeout(
      CompletableFuture<Void> handshakes,
      int number,
      List<Shard> wave,
      GatewayScheduler scheduler,
      Duration waveTimeout) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    Cancellable timer =
        scheduler.schedule(
            () -> {
              if (gate.complete(null)) {
                log.warn(
                    "Wave {} (shards {}) did not finish its handshakes within {}; starting the next"
                        + " wave anyway",
                    number,
                    ShardIds.format(wave.stream().map(Shard::id).sorted().toList()),
                    waveTimeout);
              }
            },
            waveTimeout);
    handshakes.whenComplete(
        (ok, error) -> {
          timer.cancel();
          gate.complete(null);
        });
    return gate;
  }
}
