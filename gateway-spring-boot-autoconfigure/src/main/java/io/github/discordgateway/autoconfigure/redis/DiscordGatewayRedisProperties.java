package io.github.discordgateway.autoconfigure.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Redis coordination ({@code discord.gateway.coordination.redis.*}): every
 * process of one bot that points at the same Redis shares the identify budget and the stored
 * sessions. The connection itself is Spring Boot's ({@code spring.data.redis.*}).
 *
 * <pre>{@code
 * discord:
 *   gateway:
 *     shards:
 *       total: 16
 *       ids: 0-7          # the other instance runs 8-15
 *     coordination:
 *       redis:
 *         enabled: true
 * spring:
 *   data:
 *     redis:
 *       host: redis.internal
 *       timeout: 2s
 * }</pre>
 */
@ConfigurationProperties("discord.gateway.coordination.redis")
public class DiscordGatewayRedisProperties {

  /**
   * Whether to share the identify budget and the sessions of the bot's shards through Redis (needs
   * spring-boot-starter-data-redis).
   */
  private boolean enabled;

  /** Prefix of every key, so one Redis can serve other applications too. */
  private String keyPrefix = "discord-gateway:";

  /**
   * Bot (application) id that keys the data of this bot; read from the token when not set. Every
   * process of one bot must use the same.
   */
  private String botId;

  /**
   * Time between two identifies of one bucket across all processes: Discord's 5 s plus a margin for
   * the time until the Identify reaches Discord. Shorten only against a test gateway.
   */
  private Duration identifyWindow = RedisIdentifyLimiter.DEFAULT_WINDOW;

  /**
   * Interval at which the sequence of handled events is written while shards run; after a crash the
   * shards resume from the last write, and Discord replays what came after it.
   */
  private Duration flushInterval = Duration.ofSeconds(1);

  /**
   * Time a shard start waits for its stored session, and a graceful stop for the last write, before
   * going on without Redis.
   */
  private Duration timeout = Duration.ofSeconds(2);

  /** Time a stored session is kept after its last write. */
  private Duration sessionTtl = Duration.ofHours(1);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getKeyPrefix() {
    return keyPrefix;
  }

  public void setKeyPrefix(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  public String getBotId() {
    return botId;
  }

  public void setBotId(String botId) {
    this.botId = botId;
  }

  public Duration getIdentifyWindow() {
    return identifyWindow;
  }

  public void setIdentifyWindow(Duration identifyWindow) {
    this.identifyWindow = identifyWindow;
  }

  public Duration getFlushInterval() {
    return flushInterval;
  }

  public void setFlushInterval(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getSessionTtl() {
    return sessionTtl;
  }

  public void setSessionTtl(Duration sessionTtl) {
    this.sessionTtl = sessionTtl;
  }
}
