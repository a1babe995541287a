package io.github.discordgateway.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;

/**
 * Adds the {@code discordGateway} contributor to the {@code readiness} health group, so that {@code
 * /actuator/health/readiness} (and {@code /readyz}) answer 503 until the shards are connected, and
 * again when more shards than tolerated are reconnecting or one stopped for good. It runs after
 * Boot created the probe groups; a readiness group that the application configured itself ({@code
 * management.endpoint.health.group.readiness.include}) is left alone.
 */
public final class DiscordGatewayReadinessGroupPostProcessor
    implements HealthEndpointGroupsPostProcessor, Ordered {

  /** Name of the readiness group. */
  public static final String READINESS = "readiness";

  private final String contributorName;
  private final boolean readinessConfigured;

  /**
   * Creates the post-processor.
   *
   * @param contributorName the name the contributor is registered under ({@code discordGateway})
   * @param readinessConfigured whether the application lists the readiness group's members itself
   *     (then nothing is added)
   */
  public DiscordGatewayReadinessGroupPostProcessor(
      String contributorName, boolean readinessConfigured) {
    this.contributorName = contributorName;
    this.readinessConfigured = readinessConfigured;
  }

  @Override
  public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
    HealthEndpointGroup readiness = groups.get(READINESS);
    if (readinessConfigured || readiness == null || readiness.isMember(contributorName)) {
      return groups;
    }
    Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
    for (String name : groups.getNames()) {
      HealthEndpointGroup group = groups.get(name);
      named.put(name, READINESS.equals(name) ? new WithContributor(group, contributorName) : group);
    }
    return HealthEndpointGroups.of(groups.getPrimary(), named);
  }

  /** Runs after the post-processor that creates the probe groups. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** A group that also holds one more contributor (and its components). */
  private record WithContributor(HealthEndpointGroup delegate, String contributorName)
      implements HealthEndpointGroup {

    @Override
    public boolean isMember(String name) {
      return delegate.isMember(name)
          || name.equals(contributorName)
          || name.startsWith(contributorName + "/");
    }

    @Override
    public boolean showComponents(SecurityContext securityContext) {
      return delegate.showComponents(securityContext);
    }

    @Override
    public boolean showDetails(SecurityContext securityContext) {
      return delegate.showDetails(securityContext);
    }

    @Override
    public StatusAggregator getStatusAggregator() {
      return delegate.getStatusAggregator();
    }

    @Override
    public HttpCodeStatusMapper getHttpCodeStatusMapper() {
      return delegate.getHttpCodeStatusMapper();
    }

    @Override
    public AdditionalHealthEndpointPath getAdditionalPath() {
      return delegate.getAdditionalPath();
    }
  }
}
