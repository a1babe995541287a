package io.github.discordgateway.autoconfigure.redis;

import io.github.discordgateway.autoconfigure.ConditionalOnDiscordGatewayEnabled;
import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Shares the identify budget and the sessions of a bot's shards between its processes through the
 * application's Redis: a {@link RedisIdentifyLimiter} and a {@link RedisSessionStore} replace the
 * in-memory ones, and a listener registered after every other one writes the sequence of handled
 * events every {@code flush-interval}. Health ({@code discordCoordination}) and meters follow when
 * actuator and Micrometer are present.
 *
 * <p>Active with {@code discord.gateway.coordination.redis.enabled=true} and a {@link
 * RedisConnectionFactory} (spring-boot-starter-data-redis); without them nothing changes. Each bean
 * backs off when the application defines one of its type.
 */
@AutoConfiguration(
    before = DiscordGatewayAutoConfiguration.class,
    afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnDiscordGatewayEnabled
@ConditionalOnBooleanProperty("discord.gateway.coordination.redis.enabled")
@EnableConfigurationProperties(DiscordGatewayRedisProperties.class)
public final class DiscordGatewayRedisAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(DiscordGatewayRedisAutoConfiguration.class);

  /** Switched on without Spring Data Redis: says so instead of failing or staying silent. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
  static class RedisMissingConfiguration {

    @Bean
    RedisCoordinationUnavailable discordRedisCoordinationUnavailable() {
      log.warn(
          "discord.gateway.coordination.redis.enabled is true but Spring Data Redis is not on the"
              + " classpath (add spring-boot-starter-data-redis): identifies and sessions are"
              + " coordinated in this process only");
      return new RedisCoordinationUnavailable();
    }
  }

  /** Marks an application whose Redis coordination is switched on but cannot work. */
  static final class RedisCoordinationUnavailable {}

  /** The Redis-backed limiter, store and checkpoint listener. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
  @ConditionalOnBean(RedisConnectionFactory.class)
  static class RedisCoordinationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RedisKeys discordGatewayRedisKeys(
        DiscordGatewayRedisProperties properties,
        ObjectProvider<DiscordConnectionDetails> connectionDetails) {
      String botId = properties.getBotId();
      if (botId == null || botId.isBlank()) {
        DiscordConnectionDetails details = connectionDetails.getIfAvailable();
        botId =
            BotIds.fromToken(details != null ? details.token() : null)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Cannot read the bot id from the token for the Redis keys; set"
                                + " discord.gateway.coordination.redis.bot-id"));
      }
      return new RedisKeys(properties.getKeyPrefix(), botId.trim());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(IdentifyLimiter.class)
    RedisIdentifyLimiter discordRedisIdentifyLimiter(
        RedisConnectionFactory connectionFactory,
        RedisKeys keys,
        DiscordGatewayRedisProperties properties) {
      // a template of our own, not a bean: the application's StringRedisTemplate stays unique
      return new RedisIdentifyLimiter(
          new StringRedisTemplate(connectionFactory), keys, properties.getIdentifyWindow());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(SessionStore.class)
    RedisSessionStore discordRedisSessionStore(
        RedisConnectionFactory connectionFactory,
        RedisKeys keys,
        DiscordGatewayRedisProperties properties) {
      return new RedisSessionStore(
          new StringRedisTemplate(connectionFactory),
          keys,
          properties.getFlushInterval(),
          properties.getTimeout(),
          properties.getSessionTtl());
    }

    @Bean
    @ConditionalOnBean(RedisSessionStore.class)
    SessionCheckpointListener discordSessionCheckpointListener(RedisSessionStore store) {
      return new SessionCheckpointListener(store.checkpointListener());
    }

    @Bean
    @ConditionalOnBean(RedisSessionStore.class)
    RedisSessionStoreLifecycle discordRedisSessionStoreLifecycle(
        RedisSessionStore store,
        ObjectProvider<ShardManager> shardManager,
        DiscordGatewayRedisProperties properties) {
      return new RedisSessionStoreLifecycle(store, shardManager, properties.getTimeout());
    }
  }

  /** The {@code discordCoordination} health indicator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.health.contributor.HealthIndicator",
        "org.springframework.data.redis.connection.RedisConnectionFactory"
      })
  @ConditionalOnBean(RedisConnectionFactory.class)
  static class RedisCoordinationHealthConfiguration {

    /** Only when {@code management.health.discordcoordination.enabled} is not false. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("discordcoordination")
    static class Enabled {

      @Bean
      @ConditionalOnMissingBean(name = "discordCoordinationHealthIndicator")
      RedisCoordinationHealthIndicator discordCoordinationHealthIndicator(
          RedisKeys keys,
          ObjectProvider<RedisIdentifyLimiter> limiter,
          ObjectProvider<RedisSessionStore> store) {
        return new RedisCoordinationHealthIndicator(
            keys, limiter.getIfAvailable(), store.getIfAvailable());
      }
    }
  }

  /** Meters of the identify permits (bound by Boot to every registry). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "io.micrometer.core.instrument.binder.MeterBinder",
        "org.springframework.data.redis.connection.RedisConnectionFactory"
      })
  @ConditionalOnBean(RedisConnectionFactory.class)
  static class RedisCoordinationMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RedisCoordinationMeterBinder discordCoordinationMeterBinder(
        ObjectProvider<RedisIdentifyLimiter> limiter) {
      return new RedisCoordinationMeterBinder(limiter.getIfAvailable());
    }
  }

  /**
   * Hands each event to the store's checkpoint after every other listener handled it: the lowest
   * precedence, so the written sequence never runs ahead of the application.
   */
  static final class SessionCheckpointListener implements GatewayEventListener, Ordered {

    private final GatewayEventListener checkpoint;

    SessionCheckpointListener(GatewayEventListener checkpoint) {
      this.checkpoint = checkpoint;
    }

    @Override
    public void onEvent(ShardEvent event) {
      checkpoint.onEvent(event);
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public String toString() {
      return "SessionCheckpointListener";
    }
  }
}
