package io.github.discordgateway.autoconfigure.metrics;

import static io.github.discordgateway.autoconfigure.metrics.GatewayMeterNames.TAG_REASON;
import static io.github.discordgateway.autoconfigure.metrics.GatewayMeterNames.TAG_SHARD;
import static io.github.discordgateway.autoconfigure.metrics.GatewayMeterNames.TAG_TYPE;

import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.shard.ShardSignal;
import io.github.discordgateway.core.shard.ShardState;
import io.github.discordgateway.core.shard.ShardStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Records what the shards report as Micrometer meters ({@link GatewayMeterNames}). Meters are
 * created once per shard (and per event type and opcode) and cached, so the per-event cost is an
 * array index, one map lookup by event name and a counter increment.
 *
 * <p>Applied to the {@link ShardManager} as a {@link ShardObserver}; the per-shard gauges read the
 * manager lazily, so this observer can exist before the manager does.
 *
 * <pre>{@code
 * ShardManager.builder(settings, transport)
 *     .observer(new DiscordGatewayMetricsObserver(registry, () -> manager))
 *     .build();
 * }</pre>
 */
public final class DiscordGatewayMetricsObserver implements ShardObserver {

  private static final Opcode[] OPCODES = Opcode.values();

  private final MeterRegistry registry;
  private final Supplier<ShardManager> manager;
  private final InstantSource clock;
  private final Object lock = new Object();
  private volatile ShardMeters[] shards = new ShardMeters[0];

  /**
   * Creates the observer.
   *
   * @param registry where the meters go
   * @param manager supplies the shard manager for the per-shard gauges (may return {@code null}
   *     while it does not exist yet)
   */
  public DiscordGatewayMetricsObserver(MeterRegistry registry, Supplier<ShardManager> manager) {
    this(registry, manager, InstantSource.system());
  }

  /**
   * Creates the observer with a time source.
   *
   * @param registry where the meters go
   * @param manager supplies the shard manager for the per-shard gauges
   * @param clock the time source of the shard manager (for the age of heartbeat ACKs)
   */
  public DiscordGatewayMetricsObserver(
      MeterRegistry registry, Supplier<ShardManager> manager, InstantSource clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.manager = Objects.requireNonNull(manager, "manager");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ------------------------------------------------------------------ signals

  @Override
  public void on(ShardSignal signal) {
    if (signal instanceof ShardSignal.MessageReceived s) {
      messageReceived(s.shardId(), s.wireBytes(), s.binary());
    } else if (signal instanceof ShardSignal.PayloadDecompressed s) {
      payloadDecompressed(s.shardId(), s.bytes());
    } else if (signal instanceof ShardSignal.DispatchReceived s) {
      dispatchReceived(s.shardId(), s.type(), s.payloadBytes());
    } else if (signal instanceof ShardSignal.DispatchDelivered s) {
      dispatchDelivered(s.shardId(), s.type(), s.listenerTime().toNanos(), s.failed());
    } else if (signal instanceof ShardSignal.ConnectionOpened s) {
      connectionOpened(s.shardId());
    } else if (signal instanceof ShardSignal.Identified s) {
      identified(s.shardId());
    } else if (signal instanceof ShardSignal.Resumed s) {
      resumed(s.shardId());
    } else if (signal instanceof ShardSignal.Reconnecting s) {
      reconnecting(s.shardId(), s.reason(), s.resume());
    } else if (signal instanceof ShardSignal.HeartbeatAcknowledged s) {
      heartbeatAcknowledged(s.shardId(), s.roundTrip());
    } else if (signal instanceof ShardSignal.PayloadSent s) {
      payloadSent(s.shardId(), s.opcode(), s.waited());
    } else if (signal instanceof ShardSignal.StatusChanged s) {
      statusChanged(s.shardId(), s.previous(), s.current());
    }
  }

  private void messageReceived(int shardId, int wireBytes, boolean binary) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.bytesReceived.increment(wireBytes);
    }
  }

  private void payloadDecompressed(int shardId, int bytes) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.bytesDecompressed.increment(bytes);
    }
  }

  private void dispatchReceived(int shardId, String type, int payloadBytes) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.type(type).events.increment();
    }
  }

  /** Records the listener time of one dispatch, without a signal object per event. */
  @Override
  public void dispatchDelivered(int shardId, String type, long listenerNanos, boolean failed) {
    ShardMeters meters = meters(shardId);
    if (meters == null) {
      return;
    }
    TypeMeters typeMeters = meters.type(type);
    typeMeters.listener.record(listenerNanos, TimeUnit.NANOSECONDS);
    if (failed) {
      typeMeters.failures.increment();
    }
  }

  private void connectionOpened(int shardId) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.connections.increment();
    }
  }

  private void identified(int shardId) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.identifies.increment();
    }
  }

  private void resumed(int shardId) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.resumes.increment();
    }
  }

  private void reconnecting(int shardId, String reason, boolean resume) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.reconnect(reason == null || reason.isEmpty() ? "other" : reason).increment();
    }
  }

  private void heartbeatAcknowledged(int shardId, Duration roundTrip) {
    ShardMeters meters = meters(shardId);
    if (meters != null) {
      meters.heartbeat.record(roundTrip.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void payloadSent(int shardId, Opcode opcode, Duration waited) {
    ShardMeters meters = meters(shardId);
    if (meters != null && opcode != null) {
      meters.command(opcode).record(Math.max(0, waited.toNanos()), TimeUnit.NANOSECONDS);
    }
  }

  private void statusChanged(int shardId, ShardStatus previous, ShardStatus current) {
    // registers the shard's meters (and its gauges) as soon as it starts
    meters(shardId);
  }

  // ------------------------------------------------------------------ meters

  private ShardMeters meters(int shardId) {
    ShardMeters[] current = shards;
    if (shardId >= 0 && shardId < current.length) {
      ShardMeters meters = current[shardId];
      if (meters != null) {
        return meters;
      }
    }
    return shardId < 0 ? null : create(shardId);
  }

  private ShardMeters create(int shardId) {
    synchronized (lock) {
      ShardMeters[] current = shards;
      if (shardId < current.length && current[shardId] != null) {
        return current[shardId];
      }
      ShardMeters created = new ShardMeters(shardId);
      ShardMeters[] grown = Arrays.copyOf(current, Math.max(current.length, shardId + 1));
      grown[shardId] = created;
      shards = grown;
      return created;
    }
  }

  private double queuedEvents(int shardId) {
    Shard shard = shard(shardId);
    return shard == null ? Double.NaN : shard.queuedEvents();
  }

  private double secondsSinceAck(int shardId) {
    Shard shard = shard(shardId);
    if (shard == null) {
      return Double.NaN;
    }
    ShardState state = shard.state();
    if (state.lastHeartbeatAck() == null) {
      return Double.NaN;
    }
    return Math.max(0, Duration.between(state.lastHeartbeatAck(), clock.instant()).toNanos()) / 1e9;
  }

  private Shard shard(int shardId) {
    ShardManager current;
    try {
      current = manager.get();
    } catch (RuntimeException ex) {
      return null;
    }
    return current == null ? null : current.shards().get(shardId);
  }

  /** The meters of one shard. */
  private final class ShardMeters {
    final Tags tags;
    final Counter connections;
    final Counter identifies;
    final Counter resumes;
    final Counter bytesReceived;
    final Counter bytesDecompressed;
    final Timer heartbeat;
    final TypeMeters other;
    final Map<String, TypeMeters> types = new ConcurrentHashMap<>();
    final Map<String, Counter> reconnects = new ConcurrentHashMap<>();
    final AtomicReferenceArray<Timer> commands = new AtomicReferenceArray<>(OPCODES.length);

    ShardMeters(int shardId) {
      this.tags = Tags.of(TAG_SHARD, Integer.toString(shardId));
      connections =
          Counter.builder(GatewayMeterNames.CONNECTIONS)
              .description("WebSocket connections opened")
              .tags(tags)
              .register(registry);
      identifies =
          Counter.builder(GatewayMeterNames.IDENTIFIES)
              .description("Identify payloads sent (session starts)")
              .tags(tags)
              .register(registry);
      resumes =
          Counter.builder(GatewayMeterNames.RESUMES)
              .description("Resume payloads sent")
              .tags(tags)
              .register(registry);
      bytesReceived =
          Counter.builder(GatewayMeterNames.BYTES_RECEIVED)
              .description("Bytes received on the WebSocket, before decompression")
              .baseUnit("bytes")
              .tags(tags)
              .register(registry);
      bytesDecompressed =
          Counter.builder(GatewayMeterNames.BYTES_DECOMPRESSED)
              .description("Bytes of the gateway payloads after decompression")
              .baseUnit("bytes")
              .tags(tags)
              .register(registry);
      heartbeat =
          Timer.builder(GatewayMeterNames.HEARTBEAT_ROUND_TRIP)
              .description("Time from a heartbeat to its ACK")
              .tags(tags)
              .register(registry);
      Gauge.builder(GatewayMeterNames.EVENTS_QUEUED, () -> queuedEvents(shardId))
          .description("Events waiting for delivery to listeners")
          .tags(tags)
          .register(registry);
      Gauge.builder(GatewayMeterNames.HEARTBEAT_ACK_AGE, () -> secondsSinceAck(shardId))
          .description("Time since the last heartbeat ACK")
          .baseUnit("seconds")
          .tags(tags)
          .register(registry);
      other = new TypeMeters(tags, GatewayMeterNames.OTHER_TYPE);
    }

    TypeMeters type(String type) {
      if (type == null) {
        return other;
      }
      TypeMeters meters = types.get(type);
      if (meters != null) {
        return meters;
      }
      // only event names this library knows become tags: an unknown name cannot grow the registry
      if (EventType.of(type).isEmpty()) {
        return other;
      }
      return types.computeIfAbsent(type, name -> new TypeMeters(tags, name));
    }

    Counter reconnect(String reason) {
      return reconnects.computeIfAbsent(
          reason,
          name ->
              Counter.builder(GatewayMeterNames.RECONNECTS)
                  .description("Reconnects scheduled, by reason")
                  .tags(tags)
                  .tag(TAG_REASON, name)
                  .register(registry));
    }

    Timer command(Opcode opcode) {
      int index = opcode.ordinal();
      Timer timer = commands.get(index);
      if (timer == null) {
        timer =
            Timer.builder(GatewayMeterNames.COMMANDS)
                .description("Payloads sent, and the time each waited for the send rate limiter")
                .tags(tags)
                .tag(TAG_TYPE, opcode.name().toLowerCase(Locale.ROOT))
                .register(registry);
        commands.compareAndSet(index, null, timer);
      }
      return timer;
    }
  }

  /** The meters of one event type on one shard. */
  private final class TypeMeters {
    final Counter events;
    final Timer listener;
    final Counter failures;

    TypeMeters(Tags shardTags, String type) {
      Tags tags = shardTags.and(TAG_TYPE, type);
      events =
          Counter.builder(GatewayMeterNames.EVENTS)
              .description("Dispatch events received")
              .tags(tags)
              .register(registry);
      listener =
          Timer.builder(GatewayMeterNames.LISTENER_TIME)
              .description("Time listeners spent on a dispatch")
              .tags(tags)
              .register(registry);
      failures =
          Counter.builder(GatewayMeterNames.LISTENER_FAILURES)
              .description("Dispatches on which a listener threw")
              .tags(tags)
              .register(registry);
    }
  }

  @Override
  public String toString() {
    return "DiscordGatewayMetricsObserver[shards=" + shards.length + "]";
  }
}
