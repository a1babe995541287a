package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardSignal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the heartbeat interval each shard received in Hello, so that health can judge whether
 * its last ACK is recent enough. Registered as a {@link ShardObserver} bean.
 */
public final class HeartbeatIntervals implements ShardObserver {

  private final Map<Integer, Duration> intervals = new ConcurrentHashMap<>();

  @Override
  public void on(ShardSignal signal) {
    if (signal instanceof ShardSignal.HelloReceived hello) {
      helloReceived(hello.shardId(), hello.heartbeatInterval());
    }
  }

  private void helloReceived(int shardId, Duration heartbeatInterval) {
    if (heartbeatInterval != null
        && !heartbeatInterval.isNegative()
        && !heartbeatInterval.isZero()) {
      intervals.put(shardId, heartbeatInterval);
    }
  }

  /**
   * Returns the heartbeat interval of a shard's latest connection.
   *
   * @param shardId the shard
   * @return the interval, empty before its first Hello
   */
  public Optional<Duration> of(int shardId) {
    return Optional.ofNullable(intervals.get(shardId));
  }

  @Override
  public String toString() {
    return "HeartbeatIntervals" + intervals;
  }
}
