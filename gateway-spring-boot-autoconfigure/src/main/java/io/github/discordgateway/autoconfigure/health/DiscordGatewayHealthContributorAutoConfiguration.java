package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.shard.ShardManager;
import java.time.InstantSource;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configures the {@code discordGateway} health contributor when Spring Boot's health support
 * is on the classpath and a {@link ShardManager} exists; {@code
 * management.health.discordgateway.enabled=false} switches it off. It also adds the contributor to
 * the readiness probe group (switch: {@code
 * management.health.discordgateway.include-in-readiness}).
 */
@AutoConfiguration(
    afterName = {
      "io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration",
      "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration"
    })
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
@ConditionalOnBean(ShardManager.class)
@ConditionalOnEnabledHealthIndicator("discordgateway")
@EnableConfigurationProperties(DiscordGatewayHealthProperties.class)
public final class DiscordGatewayHealthContributorAutoConfiguration {

  /** Name of the health contributor. */
  static final String CONTRIBUTOR_NAME = "discordGateway";

  /**
   * The {@code discordGateway} contributor.
   *
   * @param manager the shards
   * @param properties the health settings
   * @param clock the time source of the shard manager, if the application defines one
   * @return the contributor
   */
  @Bean
  @ConditionalOnMissingBean(name = "discordGatewayHealthContributor")
  DiscordGatewayHealthContributor discordGatewayHealthContributor(
      ShardManager manager,
      DiscordGatewayHealthProperties properties,
      ObjectProvider<InstantSource> clock) {
    ShardHealthEvaluator evaluator =
        new ShardHealthEvaluator(
            clock.getIfUnique(InstantSource::system), properties.getHeartbeatTimeout());
    return new DiscordGatewayHealthContributor(
        manager, evaluator, properties.getMaxReconnectingRatio());
  }

  /**
   * Puts the custom RECONNECTING status into Boot's default status order, so that the composite
   * reports a real status when every shard is reconnecting within the tolerated share.
   *
   * @param environment the application's environment (an explicit status order wins)
   * @return the post-processor
   */
  @Bean
  @ConditionalOnClass(
      name = "org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator")
  static ReconnectingStatusOrder discordGatewayReconnectingStatusOrder(Environment environment) {
    return new ReconnectingStatusOrder(environment);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor",
        "org.springframework.boot.actuate.endpoint.SecurityContext"
      })
  @ConditionalOnBooleanProperty(
      name = "management.health.discordgateway.include-in-readiness",
      matchIfMissing = true)
  static class ReadinessConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DiscordGatewayReadinessGroupPostProcessor discordGatewayReadinessGroupPostProcessor(
        Environment environment) {
      boolean configured =
          Binder.get(environment)
                  .bind(
                      "management.endpoint.health.group.readiness.include",
                      Bindable.setOf(String.class))
                  .map(Set::size)
                  .orElse(0)
              > 0;
      return new DiscordGatewayReadinessGroupPostProcessor(CONTRIBUTOR_NAME, configured);
    }
  }
}
