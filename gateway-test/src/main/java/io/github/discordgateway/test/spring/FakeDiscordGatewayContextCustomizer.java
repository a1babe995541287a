package io.github.discordgateway.test.spring;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeDiscordGateway} for one application context, registers it as the singleton
 * bean {@value #BEAN_NAME}, adds the {@code discord.gateway.*} properties first in the environment
 * and closes the gateway when the context closes. Equal settings give equal customizers, so
 * Spring's context cache reuses the context.
 */
public final class FakeDiscordGatewayContextCustomizer implements ContextCustomizer {

  /** Name of the gateway bean. */
  public static final String BEAN_NAME = "fakeDiscordGateway";

  /** Name of the property source holding the gateway properties. */
  public static final String PROPERTY_SOURCE_NAME = "fakeDiscordGateway";

  /** Property set to the gateway URL. */
  public static final String URL_PROPERTY = "discord.gateway.url";

  /** Property set to the REST base URL. */
  public static final String API_URL_PROPERTY = "discord.gateway.api-url";

  /** Property set to the fake token. */
  public static final String TOKEN_PROPERTY = "discord.gateway.token";

  private final Settings settings;

  FakeDiscordGatewayContextCustomizer(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    FakeDiscordGateway gateway = FakeDiscordGateway.start(settings.toConfig());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                PROPERTY_SOURCE_NAME,
                Map.of(
                    URL_PROPERTY, gateway.gatewayUrl(),
                    API_URL_PROPERTY, gateway.apiBaseUrl(),
                    TOKEN_PROPERTY, gateway.token())));
    ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
    beanFactory.registerSingleton(BEAN_NAME, gateway);
    if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(BEAN_NAME, gateway::close);
    } else {
      context.addApplicationListener(
          event -> {
            if (event instanceof ContextClosedEvent) {
              gateway.close();
            }
          });
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FakeDiscordGatewayContextCustomizer that
        && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "FakeDiscordGatewayContextCustomizer[" + settings + "]";
  }

  /** The annotation attributes that shape the gateway. */
  record Settings(String token, long heartbeatIntervalMillis, int shards, int maxConcurrency) {

    FakeGatewayConfig toConfig() {
      FakeGatewayConfig.Builder builder =
          FakeGatewayConfig.builder().shards(shards).maxConcurrency(maxConcurrency);
      if (!token.isEmpty()) {
        builder.token(token);
      }
      if (heartbeatIntervalMillis > 0) {
        builder.heartbeatInterval(Duration.ofMillis(heartbeatIntervalMillis));
      }
      return builder.build();
    }

    @Override
    public String toString() {
      return "Settings[token="
          + (token.isEmpty() ? "default" : "<redacted>")
          + ", heartbeatIntervalMillis="
          + heartbeatIntervalMillis
          + ", shards="
          + shards
          + ", maxConcurrency="
          + maxConcurrency
          + "]";
    }
  }
}
