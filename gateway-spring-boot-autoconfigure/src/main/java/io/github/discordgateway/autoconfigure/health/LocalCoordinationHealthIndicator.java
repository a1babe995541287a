package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the coordination backend ({@code discordCoordination}) when no shared backend (Redis)
 * is configured: always {@code UP}, it says that identify permits are handed out in this process
 * only ({@code backend=local}), or names the type of an identify limiter the application supplied
 * ({@code backend=custom}). Never shows a credential.
 */
public final class LocalCoordinationHealthIndicator implements HealthIndicator {

  private final IdentifyLimiter limiter;

  /**
   * Creates the indicator.
   *
   * @param limiter the identify limiter the shards use
   */
  public LocalCoordinationHealthIndicator(IdentifyLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  public Health health() {
    if (limiter instanceof LocalIdentifyLimiter) {
      return Health.up()
          .withDetail("backend", "local")
          .withDetail("identify", "in-memory, this process only")
          .build();
    }
    return Health.up()
        .withDetail("backend", "custom")
        .withDetail("identifyLimiter", limiter.getClass().getName())
        .build();
  }
}
