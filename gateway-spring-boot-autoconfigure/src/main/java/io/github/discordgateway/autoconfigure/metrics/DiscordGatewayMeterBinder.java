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
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Binds the instance-wide gauges: {@code discord.gateway.shards} (one per status, tag {@code
 * state}) and {@code discord.gateway.session.start.limit.remaining} (what {@link
 * ShardManager#sessionStartsRemaining()} counts).
 */
public final class DiscordGatewayMeterBinder implements MeterBinder {

  private final Supplier<ShardManager> manager;

  /**
   * Creates the binder.
   *
   * @param manager supplies the shard manager (may return {@code null})
   */
  public DiscordGatewayMeterBinder(Supplier<ShardManager> manager) {
    this.manager = Objects.requireNonNull(manager, "manager");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ShardStatus status : ShardStatus.values()) {
      Gauge.builder(GatewayMeterNames.SHARDS, () -> count(status))
          .description("Shards of this instance in each state")
          .tag(GatewayMeterNames.TAG_STATE, status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder(GatewayMeterNames.SESSION_STARTS_REMAINING, this::sessionStartsRemaining)
        .description("Session starts (identifies) left before Discord's daily limit resets")
        .register(registry);
  }

  private double count(ShardStatus status) {
    ShardManager current = manager();
    if (current == null) {
      return Double.NaN;
    }
    List<ShardState> states = current.states();
    return states.stream().filter(s -> s.status() == status).count();
  }

  // what the manager counts: NaN when it does not exist or did not ask Discord
  private double sessionStartsRemaining() {
    ShardManager current = manager();
    if (current == null) {
      return Double.NaN;
    }
    OptionalInt remaining = current.sessionStartsRemaining();
    return remaining.isPresent() ? remaining.getAsInt() : Double.NaN;
  }

  private ShardManager manager() {
    try {
      return manager.get();
    } catch (RuntimeException ex) {
      return null;
    }
  }
}
