package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardSignal;
import java.util.List;

/** Hands every signal to several {@link ShardObserver}s, in order. */
final class CompositeShardObserver implements ShardObserver {

  private final ShardObserver[] observers;

  private CompositeShardObserver(List<ShardObserver> observers) {
    this.observers = observers.toArray(ShardObserver[]::new);
  }

  /** Returns one observer for {@code observers}: none, the only one, or a composite. */
  static ShardObserver of(List<ShardObserver> observers) {
    if (observers.isEmpty()) {
      return ShardObserver.NONE;
    }
    return observers.size() == 1 ? observers.get(0) : new CompositeShardObserver(observers);
  }

  @Override
  public void on(ShardSignal signal) {
    for (ShardObserver o : observers) {
      o.on(signal);
    }
  }

  @Override
  public void dispatchDelivered(int shardId, String type, long listenerNanos, boolean failed) {
    for (ShardObserver o : observers) {
      o.dispatchDelivered(shardId, type, listenerNanos, failed);
    }
  }
}
