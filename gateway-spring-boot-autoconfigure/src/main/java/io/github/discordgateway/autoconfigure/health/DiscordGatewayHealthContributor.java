package io.github.discordgateway.autoconfigure.health;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code discordGateway} health contributor: one component per shard of this instance, named
 * {@code shard-<id>}. Each request takes one snapshot of the shard manager, so the components of
 * one response agree with each other. Before the manager created its shards there is a single
 * component, {@code shards}, that is OUT_OF_SERVICE.
 *
 * <pre>{@code
 * GET /actuator/health/discordGateway
 * {"status":"UP","components":{"shard-0":{"status":"UP","details":{"state":"CONNECTED",...}}}}
 * }</pre>
 */
public final class DiscordGatewayHealthContributor implements CompositeHealthContributor {

  /** Prefix of the component names. */
  public static final String SHARD_PREFIX = "shard-";

  /** Name of the component shown while no shard exists yet. */
  public static final String NO_SHARDS = "shards";

  private final ShardManager manager;
  private final ShardHealthEvaluator evaluator;
  private final double maxReconnectingRatio;

  /**
   * Creates the contributor.
   *
   * @param manager the shards to report on
   * @param evaluator maps a shard state to a health
   * @param maxReconnectingRatio share of shards that may be reconnecting before they report
   *     OUT_OF_SERVICE
   */
  public DiscordGatewayHealthContributor(
      ShardManager manager, ShardHealthEvaluator evaluator, double maxReconnectingRatio) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    this.maxReconnectingRatio = maxReconnectingRatio;
  }

  @Override
  public HealthContributor getContributor(String name) {
    return snapshot()
        .filter(entry -> entry.name().equals(name))
        .map(Entry::contributor)
        .findFirst()
        .orElse(null);
  }

  @Override
  public Stream<Entry> stream() {
    return snapshot();
  }

  private Stream<Entry> snapshot() {
    Map<Integer, Shard> shards = manager.shards();
    if (shards.isEmpty()) {
      HealthIndicator none =
          () ->
              Health.outOfService()
                  .withDetail("problem", "The shard manager has not created its shards yet")
                  .build();
      return Stream.of(new Entry(NO_SHARDS, none));
    }
    List<ShardState> states = manager.states();
    long reconnecting =
        states.stream().filter(s -> ShardHealthEvaluator.reconnecting(s.status())).count();
    boolean tolerated = reconnecting <= Math.floor(maxReconnectingRatio * states.size() + 1e-9);
    return states.stream()
        .map(
            state -> {
              Shard shard = shards.get(state.shardId());
              GatewayException fatal = shard == null ? null : shard.fatalError();
              Health health = evaluator.evaluate(state, fatal, tolerated);
              HealthIndicator indicator = () -> health;
              return new Entry(SHARD_PREFIX + state.shardId(), indicator);
            });
  }

  @Override
  public String toString() {
    return "DiscordGatewayHealthContributor[" + manager + "]";
  }
}
