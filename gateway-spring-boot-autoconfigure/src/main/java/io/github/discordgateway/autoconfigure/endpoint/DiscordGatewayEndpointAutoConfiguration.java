package io.github.discordgateway.autoconfigure.endpoint;

import io.github.discordgateway.core.shard.ShardManager;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code discordgateway} actuator endpoint when the actuator is on the
 * classpath, a {@link ShardManager} exists and the endpoint is available (accessible and exposed,
 * for example {@code management.endpoints.web.exposure.include=health,discordgateway}).
 */
@AutoConfiguration(
    afterName = "io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration")
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
      "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"
    })
@ConditionalOnBean(ShardManager.class)
public final class DiscordGatewayEndpointAutoConfiguration {

  /**
   * The endpoint.
   *
   * @param manager the shards
   * @param clock the time source of the shard manager, if the application defines one
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(DiscordGatewayEndpoint.class)
  DiscordGatewayEndpoint discordGatewayEndpoint(
      ShardManager manager, ObjectProvider<InstantSource> clock) {
    return new DiscordGatewayEndpoint(manager, clock.getIfUnique(InstantSource::system));
  }
}
