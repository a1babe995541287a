package io.github.discordgateway.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DiscordCoordinationHealthAutoConfigurationTests {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthContributorRegistryAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  DiscordCoordinationHealthAutoConfiguration.class))
          .withPropertyValues(
              "management.endpoint.health.show-details=always",
              "management.endpoint.health.show-components=always");

  @Test
  void healthSaysIdentifyCoordinationIsLocalWithoutRedis() {
    contextRunner
        .withUserConfiguration(LocalLimiter.class)
        .run(
            context -> {
              IndicatedHealthDescriptor health =
                  coordination(context.getBean(HealthEndpoint.class));
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails())
                  .containsEntry("backend", "local")
                  .containsOnlyKeys("backend", "identify");
            });
  }

  @Test
  void healthNamesTheTypeOfAnApplicationSuppliedLimiter() {
    contextRunner
        .withUserConfiguration(CustomLimiter.class)
        .run(
            context -> {
              Map<String, Object> details =
                  coordination(context.getBean(HealthEndpoint.class)).getDetails();
              assertThat(details)
                  .containsEntry("backend", "custom")
                  .containsEntry("identifyLimiter", SharedLimiter.class.getName());
            });
  }

  @Test
  void switchedOffByItsManagementProperty() {
    contextRunner
        .withUserConfiguration(LocalLimiter.class)
        .withPropertyValues("management.health.discordcoordination.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(LocalCoordinationHealthIndicator.class);
              assertThat(context.getBean(HealthEndpoint.class).healthForPath("discordCoordination"))
                  .isNull();
            });
  }

  @Test
  void absentWithoutAnIdentifyLimiter() {
    contextRunner.run(
        context -> assertThat(context).doesNotHaveBean(LocalCoordinationHealthIndicator.class));
  }

  @Test
  void backsOffWithoutSpringBootHealth() {
    contextRunner
        .withUserConfiguration(LocalLimiter.class)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
        .run(
            context -> assertThat(context).doesNotHaveBean(LocalCoordinationHealthIndicator.class));
  }

  private static IndicatedHealthDescriptor coordination(HealthEndpoint endpoint) {
    return (IndicatedHealthDescriptor) endpoint.healthForPath("discordCoordination");
  }

  @Configuration(proxyBeanMethods = false)
  static class LocalLimiter {

    @Bean
    IdentifyLimiter identifyLimiter() {
      return new LocalIdentifyLimiter(java.time.InstantSource.system(), new ManualScheduler());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomLimiter {

    @Bean
    IdentifyLimiter identifyLimiter() {
      return new SharedLimiter();
    }
  }

  static final class SharedLimiter implements IdentifyLimiter {

    @Override
    public CompletableFuture<IdentifyPermit> acquire(int shardId, int maxConcurrency) {
      return new CompletableFuture<>();
    }
  }
}
