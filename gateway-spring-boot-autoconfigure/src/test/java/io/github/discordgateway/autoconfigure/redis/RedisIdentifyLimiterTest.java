package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import io.github.discordgateway.test.redis.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The identify budget shared through a real Redis by limiters of different "processes". */
class RedisIdentifyLimiterTest {

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Duration WINDOW = Duration.ofMillis(500);

  /** Completion on the limiter's thread vs Redis's clock: a few ms either way. */
  private static final Duration TOLERANCE = Duration.ofMillis(40);

  /**
   * Grants seen on two processes' threads: each completion can lag its Redis reply on a loaded
   * machine (measured up to ~180 ms). Without coordination the gap would be about zero.
   */
  private static final Duration CROSS_PROCESS_JITTER = Duration.ofMillis(200);

  private static final AtomicInteger BOTS = new AtomicInteger();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private RedisKeys keys;

  @BeforeEach
  void freshBot() {
    REDIS.ensureRunning();
    keys = new RedisKeys("test:", "bot" + BOTS.incrementAndGet());
  }

  @AfterEach
  void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  /** A limiter in a "process" of its own: its own Redis connection and thread. */
  private Process process() {
    RedisConnections connections = new RedisConnections(REDIS.port());
    RedisIdentifyLimiter limiter = new RedisIdentifyLimiter(connections.template, keys, WINDOW);
    Process process = new Process(connections, limiter);
    resources.add(process);
    return process;
  }

  private record Process(RedisConnections connections, RedisIdentifyLimiter limiter)
      implements AutoCloseable {
    @Override
    public void close() {
      limiter.close();
      connections.close();
    }
  }

  private static Map<Integer, Long> grantTimes(List<CompletableFuture<IdentifyPermit>> futures) {
    Map<Integer, Long> times = new ConcurrentHashMap<>();
    for (CompletableFuture<IdentifyPermit> future : futures) {
      future.thenAccept(permit -> times.put(permit.shardId(), System.nanoTime()));
    }
    return times;
  }

  @Test
  void twoProcessesRacingForOneBucketGetOneIdentifyPerWindow() {
    Process a = process();
    Process b = process();
    List<CompletableFuture<IdentifyPermit>> futures = new ArrayList<>();
    // shards 0, 4, 8, 12 share bucket 0 of max_concurrency 4; 0 and 4 run in A, 8 and 12 in B
    futures.add(a.limiter().acquire(0, 4));
    futures.add(b.limiter().acquire(8, 4));
    futures.add(a.limiter().acquire(4, 4));
    futures.add(b.limiter().acquire(12, 4));
    Map<Integer, Long> times = grantTimes(futures);

    await().atMost(Duration.ofSeconds(10)).until(() -> times.size() == 4);

    List<Long> sorted = times.values().stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1)))
          .as("gap between identify %d and %d", i, i + 1)
          .isGreaterThan(WINDOW.minus(CROSS_PROCESS_JITTER));
    }
    assertThat(Duration.ofNanos(sorted.get(3) - sorted.get(0)))
        .isLessThan(WINDOW.multipliedBy(3).plus(Duration.ofMillis(500)));
    assertThat(a.limiter().grantedCount() + b.limiter().grantedCount()).isEqualTo(4);
    assertThat(a.limiter().waitedCount() + b.limiter().waitedCount()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void bucketsOfDifferentProcessesDoNotWaitForEachOther() {
    Process a = process();
    Process b = process();
    // connected, and past Redis's restart guard, so that only the buckets matter
    a.limiter().acquire(3, 4).join();
    b.limiter().acquire(2, 4).join();
    long begin = System.nanoTime();

    CompletableFuture<IdentifyPermit> first = a.limiter().acquire(0, 4);
    CompletableFuture<IdentifyPermit> second = b.limiter().acquire(1, 4);

    await().atMost(Duration.ofSeconds(5)).until(() -> first.isDone() && second.isDone());
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(WINDOW);
  }

  @Test
  void aPermitTakenByAProcessThatDiedExpiresWithTheWindow() {
    Process dying = process();
    IdentifyPermit taken = dying.limiter().acquire(0, 2).join();
    long takenAt = System.nanoTime();
    dying.close(); // the process is gone: it never gives anything back

    Process survivor = process();
    CompletableFuture<IdentifyPermit> next = survivor.limiter().acquire(2, 2);
    Map<Integer, Long> times = grantTimes(List.of(next));

    await().atMost(Duration.ofSeconds(5)).until(() -> times.containsKey(2));
    Duration after = Duration.ofNanos(times.get(2) - takenAt);
    assertThat(taken.bucket()).isZero();
    assertThat(after)
        .isGreaterThan(WINDOW.minus(CROSS_PROCESS_JITTER))
        .isLessThan(WINDOW.plusMillis(500));
  }

  @Test
  void whileRedisIsDownNobodyIdentifiesAndAfterItsRestartTheOldWindowIsRespected() {
    Process a = process();
    a.limiter().acquire(0, 2).join();
    long firstGrant = System.nanoTime();

    REDIS.server().stop();
    CompletableFuture<IdentifyPermit> sameBucket = a.limiter().acquire(2, 2);
    CompletableFuture<IdentifyPermit> otherBucket = a.limiter().acquire(1, 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> !a.limiter().state().reachable());
    // fail safe: waiting, not guessing
    assertThat(sameBucket).isNotDone();
    assertThat(otherBucket).isNotDone();
    assertThat(a.limiter().waitingCount()).isEqualTo(2);
    assertThat(a.limiter().state().lastError()).isNotBlank();

    REDIS.server().restart(); // every key is lost, the window of shard 0 with them
    long restarted = System.nanoTime();
    Map<Integer, Long> times = grantTimes(List.of(sameBucket, otherBucket));

    await().atMost(Duration.ofSeconds(10)).until(() -> times.size() == 2);
    assertThat(Duration.ofNanos(times.get(2) - firstGrant)).isGreaterThan(WINDOW);
    // nothing is granted until Redis has been up one window: grants before the restart are unknown
    assertThat(Duration.ofNanos(times.get(1) - restarted)).isGreaterThan(WINDOW.minus(TOLERANCE));
    assertThat(a.limiter().state().reachable()).isTrue();
  }

  @Test
  void theSessionStartQuotaIsSharedAndWaitsForTheReset() {
    Process a = process();
    Process b = process();
    a.limiter().acquire(0, 4).join(); // past the restart guard; no quota known yet
    a.limiter().updateSessionStartLimit(new SessionStartLimit(1000, 1, 1_500, 4));
    long updated = System.nanoTime();

    CompletableFuture<IdentifyPermit> inA = a.limiter().acquire(1, 4);
    await().atMost(Duration.ofSeconds(5)).until(inA::isDone);
    CompletableFuture<IdentifyPermit> inB = b.limiter().acquire(2, 4);
    Map<Integer, Long> times = grantTimes(List.of(inB));

    await().atMost(Duration.ofSeconds(10)).until(() -> times.containsKey(2));
    assertThat(Duration.ofNanos(times.get(2) - updated))
        .isGreaterThan(Duration.ofMillis(1_500).minus(TOLERANCE));
    assertThat(b.limiter().waitedCount()).isOne();
  }

  @Test
  void discordsAnswerRestartsTheBucketWindowForEveryProcess() {
    Process a = process();
    Process b = process();
    a.limiter().acquire(0, 2).join();
    String key = keys.identifyBucket(0);
    // Discord answers late: half the window has gone by
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> b.connections().template.getExpire(key, TimeUnit.MILLISECONDS) < 250);

    long answeredAt = System.nanoTime();
    a.limiter().identifyAnswered(0, 2);
    Map<Integer, Long> times = grantTimes(List.of(b.limiter().acquire(2, 2)));

    await().atMost(Duration.ofSeconds(5)).until(() -> times.containsKey(2));
    assertThat(Duration.ofNanos(times.get(2) - answeredAt)).isGreaterThan(WINDOW.minus(TOLERANCE));
    assertThat(b.connections().template.opsForValue().get(key)).doesNotContain("answered");
  }

  @Test
  void aCancelledWaiterIsSkipped() {
    Process a = process();
    a.limiter().acquire(0, 1).join();
    CompletableFuture<IdentifyPermit> cancelled = a.limiter().acquire(1, 1);
    CompletableFuture<IdentifyPermit> next = a.limiter().acquire(2, 1);
    cancelled.cancel(false);

    IdentifyPermit permit = next.orTimeout(5, TimeUnit.SECONDS).join();

    assertThat(permit.shardId()).isEqualTo(2);
    assertThat(a.limiter().grantedCount()).isEqualTo(2);
  }
}
