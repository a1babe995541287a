package io.github.discordgateway.autoconfigure.metrics;

import io.github.discordgateway.autoconfigure.event.ListenerErrorRecorder;
import io.github.discordgateway.core.shard.ShardManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code discord.gateway.*} meters when Micrometer is on the classpath and a
 * {@link MeterRegistry} and a {@link ShardManager} exist: a {@code ShardObserver} that the shard
 * manager reports to, and a {@code MeterBinder} for the instance-wide gauges.
 */
@AutoConfiguration(
    afterName = {
      "io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean({MeterRegistry.class, ShardManager.class})
public final class DiscordGatewayMetricsAutoConfiguration {

  /**
   * The observer that turns shard hooks into meters.
   *
   * @param registry the meter registry
   * @param manager the shard manager, looked up lazily (it needs this observer to be built)
   * @return the observer
   */
  @Bean
  @ConditionalOnMissingBean
  DiscordGatewayMetricsObserver discordGatewayMetricsObserver(
      MeterRegistry registry, ObjectProvider<ShardManager> manager) {
    return new DiscordGatewayMetricsObserver(registry, lazy(manager));
  }

  /**
   * The instance-wide gauges.
   *
   * @param manager the shard manager, looked up lazily
   * @return the binder
   */
  @Bean
  @ConditionalOnMissingBean
  DiscordGatewayMeterBinder discordGatewayMeterBinder(ObjectProvider<ShardManager> manager) {
    return new DiscordGatewayMeterBinder(lazy(manager));
  }

  /**
   * Counts Spring listeners that threw on a gateway event, as {@code
   * discord.gateway.listener.errors} tagged with the event type.
   *
   * @param registry the meter registry
   * @return the recorder
   */
  @Bean
  @ConditionalOnMissingBean(name = "discordGatewayListenerErrorMeter")
  ListenerErrorRecorder discordGatewayListenerErrorMeter(MeterRegistry registry) {
    return (type, error) ->
        Counter.builder(GatewayMeterNames.LISTENER_ERRORS)
            .description("Spring listeners that threw on a gateway event")
            .tag(GatewayMeterNames.TAG_TYPE, type)
            .register(registry)
            .increment();
  }

  private static Supplier<ShardManager> lazy(ObjectProvider<ShardManager> provider) {
    return new Supplier<>() {
      private volatile ShardManager resolved;

      @Override
      public ShardManager get() {
        ShardManager current = resolved;
        if (current == null) {
          current = provider.getIfUnique();
          resolved = current;
        }
        return current;
      }
    };
  }
}
