package io.github.discordgateway.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A manager's shards on virtual time: start waves one shard per identify bucket per window, and the
 * hand-over of sessions through the store across stop, start, a new manager and logout.
 */
class ShardManagerLifecycleTest {

  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final Duration STEP = Duration.ofMillis(100);

  private final ShardKit kit = new ShardKit();

  /** The server side: opens every new link, says Hello, answers Identify and Resume. */
  private final Set<InMemoryTransport.Link> opened = new HashSet<>();

  private final Set<InMemoryTransport.Link> answered = new HashSet<>();
  private final Map<Integer, Instant> identifiedAt = new HashMap<>();
  private final Map<Integer, Instant> openedAt = new HashMap<>();

  private ShardManager manager(int shards, int maxConcurrency) {
    return kit.manager(shards, maxConcurrency).build();
  }

  /** Plays the server for {@code time} of virtual time, a step at a time. */
  private void serve(Duration time) {
    for (long t = 0; t < time.toMillis(); t += STEP.toMillis()) {
      kit.scheduler.advance(STEP);
      Instant now = kit.scheduler.instantSource().instant();
      for (InMemoryTransport.Link link : List.copyOf(kit.transport.links)) {
        int shard = ShardKit.shardOf(link);
        if (!link.future.isDone() && opened.add(link)) {
          openedAt.putIfAbsent(shard, now);
          link.open().hello(41_250);
        }
        if (answered.contains(link)) {
          continue;
        }
        if (!link.sent(2).isEmpty()) {
          answered.add(link);
          identifiedAt.putIfAbsent(shard, now);
          link.ready(1, "s-" + shard);
        } else if (!link.sent(6).isEmpty()) {
          answered.add(link);
          long seq = link.sent(6).get(0).get("d").get("seq").asLong();
          link.dispatch(seq + 1, "RESUMED", "{}");
        }
      }
    }
  }

  private int identifies(int shard) {
    return (int)
        kit.transport.links.stream()
            .filter(link -> ShardKit.shardOf(link) == shard && !link.sent(2).isEmpty())
            .count();
  }

  private int resumes(int shard) {
    return (int)
        kit.transport.links.stream()
            .filter(link -> ShardKit.shardOf(link) == shard && !link.sent(6).isEmpty())
            .count();
  }

  @Test
  void sixteenShardsStartInFourWavesOnePerBucketPerWindow() {
    ShardManager manager = manager(16, 4);
    CompletableFuture<Void> started = manager.start();
    serve(Duration.ofSeconds(40));

    assertThat(started).isCompleted();
    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (int shard = 0; shard < 16; shard++) {
      assertThat(identifies(shard)).as("identifies of %d", shard).isOne();
    }
    // one bucket (shard % 4): identifies at least a window apart, in shard id order
    for (int shard = 4; shard < 16; shard++) {
      assertThat(Duration.between(identifiedAt.get(shard - 4), identifiedAt.get(shard)))
          .as("gap before shard %d", shard)
          .isGreaterThanOrEqualTo(WINDOW);
    }
    // wave k = shards 4k..4k+3: nobody of wave k connects before all of wave k-1 identified
    for (int wave = 1; wave < 4; wave++) {
      Instant previousWaveDone = Instant.MIN;
      for (int shard = 4 * (wave - 1); shard < 4 * wave; shard++) {
        Instant at = identifiedAt.get(shard);
        previousWaveDone = at.isAfter(previousWaveDone) ? at : previousWaveDone;
      }
      for (int shard = 4 * wave; shard < 4 * wave + 4; shard++) {
        assertThat(openedAt.get(shard))
            .as("connect of shard %d", shard)
            .isAfterOrEqualTo(previousWaveDone);
        assertThat(identifiedAt.get(shard))
            .as("identify of shard %d", shard)
            .isAfter(previousWaveDone);
      }
    }
    manager.close();
  }

  @Test
  void aNewManagerWithTheSameStoreResumesEveryShard() {
    ShardManager first = manager(4, 4);
    first.start();
    serve(Duration.ofSeconds(5));
    assertThat(first.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (InMemoryTransport.Link link : List.copyOf(kit.transport.links)) {
      link.dispatch(2, "MESSAGE_CREATE", "{}");
    }
    first.close();
    // a graceful, resumable stop: no 1000/1001, and every session is in the store
    assertThat(kit.transport.links)
        .allSatisfy(link -> assertThat(link.closeCodes).singleElement().isNotIn(1000, 1001));
    for (int shard = 0; shard < 4; shard++) {
      assertThat(kit.store.load(shard, 4)).as("stored session of %d", shard).isPresent();
    }

    ShardManager second = manager(4, 4);
    second.start();
    serve(Duration.ofSeconds(5));

    assertThat(second.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (int shard = 0; shard < 4; shard++) {
      assertThat(identifies(shard)).as("identifies of %d", shard).isOne();
      assertThat(resumes(shard)).as("resumes of %d", shard).isOne();
    }
    // the Resume asked for everything after what the first manager delivered
    assertThat(kit.transport.links.stream().filter(link -> !link.sent(6).isEmpty()))
        .allSatisfy(
            link -> assertThat(link.sent(6).get(0).get("d").get("seq").asLong()).isEqualTo(2));
    second.close();
  }

  @Test
  void theSameManagerResumesAfterStopAndStart() {
    ShardManager manager = manager(4, 4);
    manager.start();
    serve(Duration.ofSeconds(5));
    manager.stop();
    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.STOPPED);

    CompletableFuture<Void> restarted = manager.start();
    serve(Duration.ofSeconds(5));

    assertThat(restarted).isCompleted();
    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (int shard = 0; shard < 4; shard++) {
      assertThat(identifies(shard)).isOne();
      assertThat(resumes(shard)).isOne();
    }
    manager.close();
  }

  @Test
  void logoutClosesWithNormalClosureAndTheNextStartIdentifies() {
    ShardManager manager = manager(4, 4);
    manager.start();
    serve(Duration.ofSeconds(5));

    manager.logout();

    assertThat(kit.transport.links)
        .allSatisfy(link -> assertThat(link.closeCodes).containsOnly(1000));
    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.STOPPED);
    for (int shard = 0; shard < 4; shard++) {
      assertThat(kit.store.load(shard, 4)).isEmpty();
    }

    manager.start();
    serve(Duration.ofSeconds(10));

    assertThat(manager.states()).allMatch(s -> s.status() == ShardStatus.CONNECTED);
    for (int shard = 0; shard < 4; shard++) {
      assertThat(identifies(shard)).isEqualTo(2);
      assertThat(resumes(shard)).isZero();
    }
    manager.close();
  }
}
