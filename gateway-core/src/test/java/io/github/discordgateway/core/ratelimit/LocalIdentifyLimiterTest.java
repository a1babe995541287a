package io.github.discordgateway.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalIdentifyLimiterTest {

  private final ManualScheduler scheduler = new ManualScheduler(Instant.EPOCH);
  private final LocalIdentifyLimiter limiter =
      new LocalIdentifyLimiter(scheduler.instantSource(), scheduler);
  private final List<String> grants = new ArrayList<>();

  private CompletableFuture<IdentifyPermit> acquire(int shard, int maxConcurrency) {
    CompletableFuture<IdentifyPermit> f = limiter.acquire(shard, maxConcurrency);
    f.thenAccept(p -> grants.add(p.shardId() + "@" + scheduler.now().getEpochSecond()));
    return f;
  }

  @Test
  @DisplayName("15.20 identify concurrency: one bucket identifies at most once per 5 s, ascending")
  void singleBucketFiveSecondsApart() {
    for (int shard : new int[] {3, 1, 2, 0}) {
      acquire(shard, 1);
    }
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(grants).containsExactly("3@0", "0@5", "1@10", "2@15");
  }

  @Test
  @DisplayName("15.20 identify concurrency: 32 shards, max_concurrency 16 start 0-15, then 16-31")
  void bucketsStartInOrder() {
    for (int shard = 31; shard >= 0; shard--) {
      limiter
          .acquire(shard, 16)
          .thenAccept(p -> grants.add(p.shardId() + "@" + scheduler.now().getEpochSecond()));
    }
    scheduler.advance(Duration.ofSeconds(20));
    // shards 31..16 asked first and got their buckets at t=0; the rest follow 5 s later
    List<String> expected = new ArrayList<>();
    for (int shard = 31; shard >= 16; shard--) {
      expected.add(shard + "@0");
    }
    for (int shard = 0; shard < 16; shard++) {
      expected.add(shard + "@5");
    }
    assertThat(grants).containsExactlyElementsOf(expected);

    grants.clear();
    LocalIdentifyLimiter ordered = new LocalIdentifyLimiter(scheduler.instantSource(), scheduler);
    ordered.updateSessionStartLimit(new SessionStartLimit(1000, 1000, 0, 16));
    List<CompletableFuture<IdentifyPermit>> all = new ArrayList<>();
    // all 32 ask while bucket windows are busy: served in ascending shard order
    for (int shard = 0; shard < 16; shard++) {
      ordered.acquire(shard + 32, 16);
    }
    for (int shard = 31; shard >= 0; shard--) {
      int s = shard;
      all.add(ordered.acquire(s, 16));
      all.get(all.size() - 1)
          .thenAccept(p -> grants.add(s + "@" + scheduler.now().getEpochSecond()));
    }
    scheduler.advance(Duration.ofSeconds(20));
    long start = scheduler.now().getEpochSecond() - 20;
    List<String> ascending = new ArrayList<>();
    for (int shard = 0; shard < 32; shard++) {
      ascending.add(shard + "@" + (start + (shard < 16 ? 5 : 10)));
    }
    assertThat(grants).containsExactlyElementsOf(ascending);
  }

  @Test
  @DisplayName("15.20 identify concurrency: different buckets do not wait for each other")
  void independentBuckets() {
    acquire(0, 2);
    acquire(1, 2);
    acquire(2, 2);
    acquire(3, 2);
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(grants).containsExactly("0@0", "1@0", "2@5", "3@5");
  }

  @Test
  @DisplayName("15.20 no identify while session_start_limit.remaining is 0: waits reset_after")
  void waitsForQuotaReset() {
    limiter.updateSessionStartLimit(new SessionStartLimit(1000, 0, 60_000, 1));
    acquire(0, 1);
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(grants).isEmpty();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(grants).containsExactly("0@60");
    assertThat(limiter.remainingSessionStarts()).isEqualTo(999);
  }

  @Test
  @DisplayName("15.20 the last session start is used, then identifies wait for the reset")
  void lastStartThenWait() {
    limiter.updateSessionStartLimit(new SessionStartLimit(1000, 1, 3_600_000, 1));
    acquire(0, 1);
    acquire(1, 1);
    scheduler.advance(Duration.ofMinutes(59));
    assertThat(grants).containsExactly("0@0");
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(grants).containsExactly("0@0", "1@3600");
  }

  @Test
  @DisplayName("a cancelled waiter is skipped and does not use a window")
  void cancelledWaiterSkipped() {
    acquire(0, 1);
    CompletableFuture<IdentifyPermit> cancelled = acquire(1, 1);
    acquire(2, 1);
    cancelled.cancel(false);
    scheduler.advance(Duration.ofSeconds(12));
    assertThat(grants).containsExactly("0@0", "2@5");
    assertThat(limiter.waitingCount()).isZero();
  }

  @Test
  void pacesTheNextIdentifyOfABucketFromDiscordsAnswerToThePrevious() {
    List<String> at = new ArrayList<>();
    for (int shard : new int[] {0, 2, 1}) {
      limiter
          .acquire(shard, 2)
          .thenAccept(p -> at.add(p.shardId() + "@" + scheduler.now().toEpochMilli()));
    }
    assertThat(at).containsExactly("0@0", "1@0");
    // shard 0's Identify took 2 s to reach Discord: READY comes at 2.1 s
    scheduler.advance(Duration.ofMillis(2100));
    limiter.identifyAnswered(0, 2);
    // an answer in bucket 1 leaves bucket 0 alone
    limiter.identifyAnswered(1, 2);
    scheduler.advance(Duration.ofMillis(3150));
    assertThat(at).as("not 5.25 s after the grant").hasSize(2);
    scheduler.advance(Duration.ofMillis(2100));
    assertThat(at).containsExactly("0@0", "1@0", "2@7350");
  }

  @Test
  void anAnswerToAnOlderPermitDoesNotDelayTheBucket() {
    List<String> at = new ArrayList<>();
    for (int shard : new int[] {0, 1, 2}) {
      limiter
          .acquire(shard, 1)
          .thenAccept(p -> at.add(p.shardId() + "@" + scheduler.now().toEpochMilli()));
    }
    scheduler.advance(Duration.ofMillis(5250));
    assertThat(at).containsExactly("0@0", "1@5250");
    scheduler.advance(Duration.ofMillis(1000));
    limiter.identifyAnswered(0, 1); // late and stale: shard 1 holds the bucket's latest permit
    scheduler.advance(Duration.ofMillis(4250));
    assertThat(at).containsExactly("0@0", "1@5250", "2@10500");
  }
}
