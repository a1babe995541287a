package io.github.discordgateway.autoconfigure.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the shared identify budget, tagged {@code backend=redis}: {@code
 * discord.gateway.identify.permits.granted} (permits this process got), {@code
 * discord.gateway.identify.permits.waited} (requests not granted at once: another identify's turn,
 * no session starts left, Redis unavailable) and the gauge {@code
 * discord.gateway.identify.permits.waiting} (shards waiting now).
 */
public final class RedisCoordinationMeterBinder implements MeterBinder {

  private final RedisIdentifyLimiter limiter;

  /**
   * Creates the binder.
   *
   * @param limiter the limiter to measure, or {@code null} when the application replaced it (no
   *     meters then)
   */
  public RedisCoordinationMeterBinder(RedisIdentifyLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    if (limiter == null) {
      return;
    }
    FunctionCounter.builder(
            "discord.gateway.identify.permits.granted", limiter, RedisIdentifyLimiter::grantedCount)
        .description("Identify permits granted to this process")
        .tag("backend", "redis")
        .register(registry);
    FunctionCounter.builder(
            "discord.gateway.identify.permits.waited", limiter, RedisIdentifyLimiter::waitedCount)
        .description("Identify permit requests that had to wait")
        .tag("backend", "redis")
        .register(registry);
    Gauge.builder("discord.gateway.identify.permits.waiting", limiter, l -> l.waitingCount())
        .description("Shards of this process waiting for an identify permit")
        .tag("backend", "redis")
        .register(registry);
  }
}
