package io.github.discordgateway.autoconfigure.metrics;

import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardState;
import io.github.discordgateway.core.shard.ShardStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds the instance-wide gauges: {@code discord.gateway.shards} (one per status, tag {@code
 * state}) and {@code discord.gateway.session.start.limit.remaining}.
 */
public final class DiscordGatewayMeterBinder implements MeterBinder {

  private final Supplier<ShardManager> manager;
  private final DiscordGatewayMetricsObserver observer;

  /**
   * Creates the binder.
   *
   * @param manager supplies the shard manager (may return {@code null})
   * @param observer tracks the session start limit
   */
  public DiscordGatewayMeterBinder(
      Supplier<ShardManager> manager, DiscordGatewayMetricsObserver observer) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ShardStatus status : ShardStatus.values()) {
      Gauge.builder(GatewayMeterNames.SHARDS, () -> count(status))
          .description("Shards of this instance in each state")
          .tag(GatewayMeterNames.TAG_STATE, status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder(GatewayMeterNames.SESSION_STARTS_REMAINING, observer::sessionStartsRemaining)
        .description("Session starts (identifies) left before Discord's daily limit resets")
        .register(registry);
  }

  private double count(ShardStatus status) {
    ShardManager current;
    try {
      current = manager.get();
    } catch (RuntimeException ex) {
      return Double.NaN;
    }
    if (current == null) {
      return Double.NaN;
    }
    List<ShardState> states = current.states();
    return states.stream().filter(s -> s.status() == status).count();
  }
}
