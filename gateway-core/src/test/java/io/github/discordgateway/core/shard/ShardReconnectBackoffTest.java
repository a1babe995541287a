package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardResumed;
import io.github.discordgateway.core.event.ShardStateChanged;
import io.github.discordgateway.core.shard.internal.ReconnectBackoff;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reconnect backoff of shards through an outage, on virtual time: one attempt per backoff step, no
 * storm, recovery within one step of the gateway coming back, and the attempts counted from one
 * again after a stable connection.
 */
class ShardReconnectBackoffTest {

  private static final int SHARDS = 4;
  private static final BackoffPolicy POLICY =
      new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));
  private static final Duration STEP = Duration.ofMillis(50);

  private final ShardKit kit = new ShardKit();

  @Test
  void anOutageCostsOneAttemptPerBackoffStepAndEveryShardResumesWithinOneStepOfTheReturn() {
    List<Shard> shards = new ArrayList<>();
    for (int id = 0; id < SHARDS; id++) {
      Shard shard = kit.shard(id, SHARDS, ShardOptions.defaults().withBackoff(POLICY));
      shards.add(shard);
      shard.start();
      InMemoryTransport.Link link = kit.transport.last().open();
      link.hello(41_250);
      for (int second = 0; second < 10 && link.sent(2).isEmpty(); second++) {
        kit.scheduler.advance(Duration.ofSeconds(1));
      }
      link.ready(1, "s-" + id);
    }
    assertThat(shards).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    int linksBeforeOutage = kit.transport.links.size();

    // the gateway goes away for 30 s: every connection drops, every attempt is refused
    Duration refusal = Duration.ofSeconds(30);
    for (int i = 0; i < linksBeforeOutage; i++) {
      kit.transport.links.get(i).serverClose(1006, "");
    }
    Set<InMemoryTransport.Link> handled = new HashSet<>(kit.transport.links);
    for (long t = 0; t < refusal.toMillis(); t += STEP.toMillis()) {
      kit.scheduler.advance(STEP);
      for (InMemoryTransport.Link link : List.copyOf(kit.transport.links)) {
        if (handled.add(link)) {
          link.fail(new IOException("connection refused"));
        }
      }
    }
    int refused = kit.transport.links.size() - linksBeforeOutage;

    // back: each shard's next attempt opens and resumes
    Instant back = kit.scheduler.instantSource().instant();
    Map<Integer, Instant> resumedAt = new HashMap<>();
    for (int i = 0; i < 200 && resumedAt.size() < SHARDS; i++) {
      kit.scheduler.advance(STEP);
      for (InMemoryTransport.Link link : List.copyOf(kit.transport.links)) {
        if (handled.add(link)) {
          int shard = ShardKit.shardOf(link);
          link.open().hello(41_250);
          kit.scheduler.runDue();
          assertThat(link.sent(2)).as("Identify of shard %d", shard).isEmpty();
          assertThat(link.sent(6)).as("Resume of shard %d", shard).hasSize(1);
          link.dispatch(2, "RESUMED", "{}");
          resumedAt.put(shard, kit.scheduler.instantSource().instant());
        }
      }
    }
    assertThat(kit.events(ShardResumed.class)).hasSize(SHARDS);

    ReconnectBackoff ceilings = new ReconnectBackoff(POLICY, new SplittableRandom());
    int stepsTotal = 0;
    for (int shard = 0; shard < SHARDS; shard++) {
      int id = shard;
      List<ShardReconnecting> steps =
          kit.events(ShardReconnecting.class).stream().filter(r -> r.shardId() == id).toList();
      stepsTotal += steps.size();
      long delaysMs = 0;
      for (int i = 0; i < steps.size(); i++) {
        ShardReconnecting step = steps.get(i);
        // attempt n waits at most the n-th ceiling; the attempts count up one by one
        assertThat(step.attempt()).as("shard %d step %d", shard, i).isEqualTo(i + 1);
        assertThat(step.resume()).isTrue();
        assertThat(step.delay()).isBetween(Duration.ZERO, ceilings.ceiling(i));
        delaysMs += step.delay().toMillis();
      }
      // no spin: the waits before the last (successful) attempt fit into the refusal
      long waitedBeforeBack = delaysMs - steps.get(steps.size() - 1).delay().toMillis();
      assertThat(waitedBeforeBack).isLessThanOrEqualTo(refusal.toMillis() + STEP.toMillis());
      // never more attempts than the backoff allows, not fewer than with every delay at its
      // ceiling
      long expected = refusal.toMillis() / (POLICY.max().toMillis() / 2);
      assertThat(steps.size())
          .as("shard %d attempts", shard)
          .isLessThanOrEqualTo((int) (2 * expected + 6));
      assertThat(steps.size()).isGreaterThanOrEqualTo(minimumSteps(ceilings, refusal) - 1);
      // recovery within one backoff step (the cap) of the gateway coming back
      assertThat(Duration.between(back, resumedAt.get(shard)))
          .as("shard %d resumed after the gateway came back", shard)
          .isLessThanOrEqualTo(POLICY.max().plus(STEP));
    }
    // every refused attempt was one backoff step: refused + the successful one per shard
    assertThat(stepsTotal).isEqualTo(refused + SHARDS);
    // jitter: the delays are neither all the ceiling nor all zero
    assertThat(kit.events(ShardReconnecting.class))
        .extracting(ShardReconnecting::delay)
        .anySatisfy(d -> assertThat(d).isLessThan(POLICY.max()))
        .anySatisfy(d -> assertThat(d).isPositive());
    // listeners see each reconnect in order: -> RECONNECTING, the delay, then -> CONNECTING
    List<ShardEvent> lifecycle =
        kit.events(ShardEvent.class).stream()
            .filter(e -> e.shardId() == 0)
            .filter(e -> e instanceof ShardReconnecting || e instanceof ShardStateChanged)
            .toList();
    for (int i = 0; i < lifecycle.size(); i++) {
      if (lifecycle.get(i) instanceof ShardReconnecting) {
        assertThat(lifecycle.get(i - 1))
            .isInstanceOfSatisfying(
                ShardStateChanged.class,
                c -> assertThat(c.current()).isEqualTo(ShardStatus.RECONNECTING));
        assertThat(lifecycle.get(i + 1))
            .isInstanceOfSatisfying(
                ShardStateChanged.class,
                c -> assertThat(c.previous()).isEqualTo(ShardStatus.RECONNECTING));
      }
    }
    assertThat(shards).allMatch(s -> s.status() == ShardStatus.CONNECTED);
  }

  @Test
  void countsAttemptsFromOneAgainAfterAStableConnection() {
    InMemoryTransport.Link link = connectedAfterThreeRefusals();
    assertThat(kit.events(ShardReconnecting.class)).hasSize(3);

    // connected for longer than resetAfter (60 s), heartbeats acknowledged
    stayConnected(link, Duration.ofSeconds(61));
    link.serverClose(1006, "");

    ShardReconnecting afterDrop = kit.events(ShardReconnecting.class).get(3);
    assertThat(afterDrop.attempt()).isOne();
    assertThat(afterDrop.resume()).isTrue();
  }

  @Test
  void aShortLivedConnectionKeepsCountingTheAttempts() {
    InMemoryTransport.Link link = connectedAfterThreeRefusals();

    stayConnected(link, Duration.ofSeconds(5));
    link.serverClose(1006, "");

    assertThat(kit.events(ShardReconnecting.class).get(3).attempt()).isEqualTo(4);
  }

  /** Starts a shard whose first three connection attempts are refused and the fourth connects. */
  private InMemoryTransport.Link connectedAfterThreeRefusals() {
    kit.shard().start();
    kit.transport.last().fail(new IOException("connection refused"));
    kit.nextLink().fail(new IOException("connection refused"));
    kit.nextLink().fail(new IOException("connection refused"));
    kit.nextLink();
    return kit.connect("s-1");
  }

  /** Advances {@code time} a second at a time, acknowledging every heartbeat. */
  private void stayConnected(InMemoryTransport.Link link, Duration time) {
    int acked = 0;
    for (long second = 0; second < time.toSeconds(); second++) {
      kit.scheduler.advance(Duration.ofSeconds(1));
      for (; acked < link.sent(1).size(); acked++) {
        link.text("{\"op\":11}");
      }
    }
    assertThat(link.isOpen()).isTrue();
  }

  /** Attempts that fit into {@code refusal} if every delay were its ceiling. */
  private static int minimumSteps(ReconnectBackoff ceilings, Duration refusal) {
    long total = 0;
    int n = 0;
    while (n < 10_000) {
      total += ceilings.ceiling(n).toMillis();
      if (total > refusal.toMillis()) {
        return n + 1;
      }
      n++;
    }
    return n;
  }
}
