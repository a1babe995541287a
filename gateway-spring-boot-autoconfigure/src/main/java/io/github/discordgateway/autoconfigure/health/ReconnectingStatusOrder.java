package io.github.discordgateway.autoconfigure.health;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;

/**
 * Adds {@link ShardHealthEvaluator#RECONNECTING} to Boot's default status order, right after UP.
 * Boot's aggregator ignores statuses missing from its order, so a composite whose shards are all
 * reconnecting within the tolerated share (for example a single shard with {@code
 * max-reconnecting-ratio=1.0}) would otherwise report UNKNOWN. With the status in the order, a mix
 * of UP and RECONNECTING shards stays UP, and shards that are all reconnecting report RECONNECTING.
 *
 * <p>Only Boot's own aggregator (bean {@code healthStatusAggregator}) is replaced, and only while
 * the application sets no {@code management.endpoint.health.status.order} of its own: an order or
 * an aggregator the application chose is left alone.
 */
final class ReconnectingStatusOrder implements BeanPostProcessor {

  /** Name of the aggregator bean that Boot's health endpoint configuration defines. */
  static final String BOOT_AGGREGATOR = "healthStatusAggregator";

  /** Boot's default order with RECONNECTING between UP and UNKNOWN. */
  static final List<String> ORDER =
      List.of(
          Status.DOWN.getCode(),
          Status.OUT_OF_SERVICE.getCode(),
          Status.UP.getCode(),
          ShardHealthEvaluator.RECONNECTING.getCode(),
          Status.UNKNOWN.getCode());

  private final Environment environment;

  ReconnectingStatusOrder(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (BOOT_AGGREGATOR.equals(beanName)
        && bean instanceof StatusAggregator
        && bean.getClass() == SimpleStatusAggregator.class
        && !orderConfigured()) {
      return new SimpleStatusAggregator(ORDER);
    }
    return bean;
  }

  private boolean orderConfigured() {
    return Binder.get(environment)
        .bind("management.endpoint.health.status.order", Bindable.listOf(String.class))
        .map(order -> !order.isEmpty())
        .orElse(false);
  }
}
