package io.github.discordgateway.autoconfigure.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code discordGateway} health contributor ({@code
 * management.health.discordgateway.*}).
 *
 * <pre>{@code
 * management:
 *   health:
 *     discordgateway:
 *       max-reconnecting-ratio: 0.1
 *       heartbeat-timeout: 2m
 * }</pre>
 */
@ConfigurationProperties("management.health.discordgateway")
public class DiscordGatewayHealthProperties {

  /**
   * Share of this instance's shards (0.0 to 1.0) that may be connecting, resuming, backing off or
   * zombie at the same time while the application stays UP and ready. Those shards then report
   * RECONNECTING; beyond the share they report OUT_OF_SERVICE.
   */
  private double maxReconnectingRatio = 0.1;

  /**
   * Time without a heartbeat ACK after which a CONNECTED shard is reported DOWN; defaults to three
   * heartbeat intervals.
   */
  private Duration heartbeatTimeout;

  /** Whether the readiness probe group also waits for the shards to be connected. */
  private boolean includeInReadiness = true;

  public double getMaxReconnectingRatio() {
    return maxReconnectingRatio;
  }

  public void setMaxReconnectingRatio(double maxReconnectingRatio) {
    this.maxReconnectingRatio = maxReconnectingRatio;
  }

  public Duration getHeartbeatTimeout() {
    return heartbeatTimeout;
  }

  public void setHeartbeatTimeout(Duration heartbeatTimeout) {
    this.heartbeatTimeout = heartbeatTimeout;
  }

  public boolean isIncludeInReadiness() {
    return includeInReadiness;
  }

  public void setIncludeInReadiness(boolean includeInReadiness) {
    this.includeInReadiness = includeInReadiness;
  }
}
