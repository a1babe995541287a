package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardStatus;
import java.time.Duration;
import java.util.List;

/** Hands every observation to several {@link ShardObserver}s, in order. */
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
  public void messageReceived(int shardId, int wireBytes, boolean binary) {
    for (ShardObserver o : observers) {
      o.messageReceived(shardId, wireBytes, binary);
    }
  }

  @Override
  public void dispatchReceived(int shardId, String type, int payloadBytes) {
    for (ShardObserver o : observers) {
      o.dispatchReceived(shardId, type, payloadBytes);
    }
  }

  @Override
  public void dispatchDelivered(int shardId, String type, Duration listenerTime, boolean failed) {
    for (ShardObserver o : observers) {
      o.dispatchDelivered(shardId, type, listenerTime, failed);
    }
  }

  @Override
  public void connectionOpened(int shardId) {
    for (ShardObserver o : observers) {
      o.connectionOpened(shardId);
    }
  }

  @Override
  public void identified(int shardId) {
    for (ShardObserver o : observers) {
      o.identified(shardId);
    }
  }

  @Override
  public void resumed(int shardId) {
    for (ShardObserver o : observers) {
      o.resumed(shardId);
    }
  }

  @Override
  public void reconnecting(int shardId, String reason, boolean resume) {
    for (ShardObserver o : observers) {
      o.reconnecting(shardId, reason, resume);
    }
  }

  @Override
  public void heartbeatAcknowledged(int shardId, Duration roundTrip) {
    for (ShardObserver o : observers) {
      o.heartbeatAcknowledged(shardId, roundTrip);
    }
  }

  @Override
  public void payloadSent(int shardId, Opcode opcode, Duration waited) {
    for (ShardObserver o : observers) {
      o.payloadSent(shardId, opcode, waited);
    }
  }

  @Override
  public void statusChanged(int shardId, ShardStatus previous, ShardStatus current) {
    for (ShardObserver o : observers) {
      o.statusChanged(shardId, previous, current);
    }
  }

  @Override
  public void helloReceived(int shardId, Duration heartbeatInterval) {
    for (ShardObserver o : observers) {
      o.helloReceived(shardId, heartbeatInterval);
    }
  }

  @Override
  public void payloadDecompressed(int shardId, int bytes) {
    for (ShardObserver o : observers) {
      o.payloadDecompressed(shardId, bytes);
    }
  }

  @Override
  public void eventDropped(int shardId, String type) {
    for (ShardObserver o : observers) {
      o.eventDropped(shardId, type);
    }
  }

  @Override
  public void sessionStartLimitUpdated(SessionStartLimit limit) {
    for (ShardObserver o : observers) {
      o.sessionStartLimitUpdated(limit);
    }
  }

  @Override
  public String toString() {
    return "CompositeShardObserver" + List.of(observers);
  }
}
