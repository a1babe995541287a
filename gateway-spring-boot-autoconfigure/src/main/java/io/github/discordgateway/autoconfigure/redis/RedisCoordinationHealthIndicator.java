package io.github.discordgateway.autoconfigure.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the coordination backend ({@code discordCoordination}): {@code UP} while Redis answers
 * the identify limiter and the session store, {@code DOWN} while it does not (shards then wait for
 * identify permits and identify instead of resuming). Shows the backend, the bot's key namespace
 * and the permit counts; never a credential.
 */
public final class RedisCoordinationHealthIndicator implements HealthIndicator {

  private final RedisKeys keys;
  private final RedisIdentifyLimiter limiter;
  private final RedisSessionStore store;

  /**
   * Creates the indicator; either component may be {@code null} when the application replaced it.
   *
   * @param keys the bot's keys
   * @param limiter the identify limiter, or {@code null}
   * @param store the session store, or {@code null}
   */
  public RedisCoordinationHealthIndicator(
      RedisKeys keys, RedisIdentifyLimiter limiter, RedisSessionStore store) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.limiter = limiter;
    this.store = store;
  }

  @Override
  public Health health() {
    boolean up = true;
    Health.Builder builder = Health.up();
    builder.withDetail("backend", "redis");
    builder.withDetail("botId", keys.botId());
    builder.withDetail("keyPrefix", keys.prefix());
    if (limiter != null) {
      RedisCoordinationState state = limiter.state();
      up &= state.reachable();
      Map<String, Object> identify = details(state);
      identify.put("permitsGranted", limiter.grantedCount());
      identify.put("permitsWaited", limiter.waitedCount());
      identify.put("waiting", limiter.waitingCount());
      identify.put("window", limiter.window().toString());
      builder.withDetail("identify", identify);
    }
    if (store != null) {
      RedisCoordinationState state = store.state();
      up &= state.reachable();
      builder.withDetail("sessions", details(state));
    }
    return up ? builder.build() : builder.down().build();
  }

  private static Map<String, Object> details(RedisCoordinationState state) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reachable", state.reachable());
    if (!state.reachable()) {
      details.put("unreachableSince", String.valueOf(state.unreachableSince()));
      details.put("error", String.valueOf(state.lastError()));
    }
    return details;
  }
}
