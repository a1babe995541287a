package io.github.discordgateway.test.spring;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts a {@link FakeDiscordGateway} for one application context, registers it as the singleton
 * bean {@value #BEAN_NAME}, adds the {@code discord.gateway.*} properties first in the environment,
 * registers a primary {@code DiscordConnectionDetails} bean {@value #CONNECTION_DETAILS_BEAN_NAME}
 * pointing at the fake (when the starter is on the class path), optionally waits for the bot's
 * session when the context has started, and closes the gateway when the context closes. Equal
 * settings give equal customizers, so Spring's context cache reuses the context.
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

  /** Property set to the annotation's shard count, when it has one. */
  public static final String SHARDS_TOTAL_PROPERTY = "discord.gateway.shards.total";

  /** Name of the primary connection details bean that points at the fake. */
  public static final String CONNECTION_DETAILS_BEAN_NAME = "fakeDiscordConnectionDetails";

  static final String CONNECTION_DETAILS_TYPE =
      "io.github.discordgateway.autoconfigure.DiscordConnectionDetails";

  static final String LIFECYCLE_TYPE =
      "io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle";

  private final Settings settings;

  FakeDiscordGatewayContextCustomizer(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    FakeDiscordGateway gateway = FakeDiscordGateway.start(settings.toConfig());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(URL_PROPERTY, gateway.gatewayUrl());
    properties.put(API_URL_PROPERTY, gateway.apiBaseUrl());
    properties.put(TOKEN_PROPERTY, gateway.token());
    if (settings.shards() > 0) {
      properties.put(SHARDS_TOTAL_PROPERTY, String.valueOf(settings.shards()));
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    if (context instanceof BeanDefinitionRegistry registry) {
      registerConnectionDetails(registry, context.getClassLoader(), gateway);
    }
    if (settings.awaitReady()) {
      context.addApplicationListener(
          event -> {
            if (event instanceof ContextRefreshedEvent refreshed
                && refreshed.getApplicationContext() == context) {
              awaitReady(context, Duration.ofSeconds(settings.readyTimeoutSeconds()));
            }
          });
    }
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

  /** Makes the fake win over a {@code DiscordConnectionDetails} bean of the application. */
  @SuppressWarnings("unchecked")
  private static void registerConnectionDetails(
      BeanDefinitionRegistry registry, ClassLoader classLoader, FakeDiscordGateway gateway) {
    Class<?> type = resolve(CONNECTION_DETAILS_TYPE, classLoader);
    if (type == null) {
      return; // no starter: the properties are all there is
    }
    Object details;
    try {
      details =
          type.getMethod("of", URI.class, URI.class, String.class)
              .invoke(
                  null,
                  URI.create(gateway.gatewayUrl()),
                  URI.create(gateway.apiBaseUrl()),
                  gateway.token());
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException("Cannot create the fake's DiscordConnectionDetails", ex);
    }
    RootBeanDefinition definition = new RootBeanDefinition((Class<Object>) type, () -> details);
    definition.setPrimary(true);
    registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, definition);
  }

  /** Waits until every shard of the bot is live, when the bot started with the context. */
  private static void awaitReady(ConfigurableApplicationContext context, Duration timeout) {
    Class<?> type = resolve(LIFECYCLE_TYPE, context.getClassLoader());
    if (type == null) {
      return;
    }
    Object lifecycle = context.getBeanProvider(type).getIfUnique();
    if (!(lifecycle instanceof Lifecycle running) || !running.isRunning()) {
      return;
    }
    CompletableFuture<?> ready;
    try {
      ready = (CompletableFuture<?>) type.getMethod("ready").invoke(lifecycle);
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException("Cannot read DiscordGatewayLifecycle.ready()", ex);
    }
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException ex) {
      throw new IllegalStateException(
          "The bot's shards were not all live on the fake Discord gateway within "
              + timeout.toSeconds()
              + " s (@AutoConfigureFakeDiscordGateway(awaitReady = true)); set awaitReady ="
              + " false to test a bot that does not connect",
          ex);
    } catch (ExecutionException ex) {
      throw new IllegalStateException(
          "A shard of the bot stopped before it was live on the fake Discord gateway: "
              + ex.getCause().getMessage()
              + " (set @AutoConfigureFakeDiscordGateway(awaitReady = false) to test that)",
          ex.getCause());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the bot's session", ex);
    }
  }

  static Class<?> resolve(String name, ClassLoader classLoader) {
    return ClassUtils.isPresent(name, classLoader)
        ? ClassUtils.resolveClassName(name, classLoader)
        : null;
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
  record Settings(
      String token,
      long heartbeatIntervalMillis,
      int shards,
      int maxConcurrency,
      boolean awaitReady,
      int readyTimeoutSeconds) {

    FakeGatewayConfig toConfig() {
      FakeGatewayConfig.Builder builder =
          FakeGatewayConfig.builder().shards(Math.max(1, shards)).maxConcurrency(maxConcurrency);
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
          + ", awaitReady="
          + awaitReady
          + "]";
    }
  }
}
