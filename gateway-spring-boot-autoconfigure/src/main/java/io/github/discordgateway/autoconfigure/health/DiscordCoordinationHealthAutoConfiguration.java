package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code discordCoordination} health indicator for the in-process identify
 * limiter, so that health says which coordination backend the shards use even without Redis. The
 * Redis coordination auto-configuration runs first and supplies its own indicator of that name;
 * {@code management.health.discordcoordination.enabled=false} switches both off.
 */
@AutoConfiguration(
    afterName = {
      "io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration",
      "io.github.discordgateway.autoconfigure.redis.DiscordGatewayRedisAutoConfiguration"
    })
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(IdentifyLimiter.class)
@ConditionalOnEnabledHealthIndicator("discordcoordination")
public final class DiscordCoordinationHealthAutoConfiguration {

  /**
   * The {@code discordCoordination} indicator when no other backend supplied one.
   *
   * @param limiter the identify limiter the shards use
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "discordCoordinationHealthIndicator")
  LocalCoordinationHealthIndicator discordCoordinationHealthIndicator(IdentifyLimiter limiter) {
    return new LocalCoordinationHealthIndicator(limiter);
  }
}
