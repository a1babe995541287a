package io.github.discordgateway.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeShardObserverTests {

  @Test
  void everyObserverGetsEachSignalAndTheListenerTimeInTheFormItTakes() {
    List<String> seen = new ArrayList<>();
    ShardObserver signalsOnly = signal -> seen.add("signals: " + signal);
    ShardObserver primitive =
        new ShardObserver() {
          @Override
          public void on(ShardSignal signal) {
            seen.add("primitive: " + signal);
          }

          @Override
          public void dispatchDelivered(
              int shardId, String type, long listenerNanos, boolean failed) {
            seen.add("primitive: " + shardId + " " + type + " " + listenerNanos + " " + failed);
          }
        };
    ShardObserver composite = CompositeShardObserver.of(List.of(signalsOnly, primitive));

    composite.on(new ShardSignal.Identified(3));
    composite.dispatchDelivered(3, "MESSAGE_CREATE", 1_500L, true);

    assertThat(seen)
        .containsExactly(
            "signals: " + new ShardSignal.Identified(3),
            "primitive: " + new ShardSignal.Identified(3),
            "signals: "
                + new ShardSignal.DispatchDelivered(
                    3, "MESSAGE_CREATE", Duration.ofNanos(1_500L), true),
            "primitive: 3 MESSAGE_CREATE 1500 true");
  }

  @Test
  void noneOrOneObserverNeedsNoComposite() {
    ShardObserver only = signal -> {};
    assertThat(CompositeShardObserver.of(List.of())).isSameAs(ShardObserver.NONE);
    assertThat(CompositeShardObserver.of(List.of(only))).isSameAs(only);
  }
}
