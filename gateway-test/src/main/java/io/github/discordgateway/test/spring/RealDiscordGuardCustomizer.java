package io.github.discordgateway.test.spring;

import io.github.discordgateway.core.shard.ShardManager;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * For Spring tests without {@link AutoConfigureFakeDiscordGateway}: fails the context, before
 * anything connects, when its bot would contact a host that is not loopback (the real Discord). A
 * bot that is switched off ({@code discord.gateway.enabled=false}) or does not start with the
 * context ({@code discord.gateway.auto-startup=false}) and needs no REST call to create its shards
 * passes.
 */
public final class RealDiscordGuardCustomizer implements ContextCustomizer {

  /** Name of the bean that checks the connection details when the shard manager is created. */
  public static final String BEAN_NAME = "discordGatewayTestGuard";

  /** Creates the customizer. */
  public RealDiscordGuardCustomizer() {}

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    if (context instanceof BeanDefinitionRegistry registry
        && !registry.containsBeanDefinition(BEAN_NAME)) {
      registry.registerBeanDefinition(
          BEAN_NAME, new RootBeanDefinition(Guard.class, () -> new Guard(context)));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RealDiscordGuardCustomizer;
  }

  @Override
  public int hashCode() {
    return RealDiscordGuardCustomizer.class.hashCode();
  }

  @Override
  public String toString() {
    return "RealDiscordGuardCustomizer";
  }

  /**
   * Checks when the {@link ShardManager} bean is created: before its shards ask Discord's REST API
   * for the gateway URL and before anything connects.
   */
  static final class Guard implements BeanPostProcessor {

    private final ConfigurableApplicationContext context;

    Guard(ConfigurableApplicationContext context) {
      this.context = context;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
      if (bean instanceof ShardManager) {
        check();
      }
      return bean;
    }

    private void check() {
      Environment environment = context.getEnvironment();
      if (!environment.getProperty("discord.gateway.enabled", Boolean.class, true)) {
        return;
      }
      boolean autoStartup =
          environment.getProperty("discord.gateway.auto-startup", Boolean.class, true);
      Class<?> type =
          FakeDiscordGatewayContextCustomizer.resolve(
              FakeDiscordGatewayContextCustomizer.CONNECTION_DETAILS_TYPE,
              context.getClassLoader());
      if (type == null) {
        return;
      }
      Object details = context.getBeanProvider(type).getIfUnique();
      if (details == null) {
        return;
      }
      URI gatewayUrl = uri(type, details, "gatewayUrl");
      URI apiUrl = uri(type, details, "apiUrl");
      String total = environment.getProperty("discord.gateway.shards.total", "1").trim();
      boolean auto = total.equalsIgnoreCase("auto");
      List<URI> contacted = new ArrayList<>();
      if (autoStartup) {
        if (gatewayUrl != null) {
          contacted.add(gatewayUrl);
        }
        if (gatewayUrl == null || auto) {
          contacted.add(apiUrl);
        }
      } else if (gatewayUrl == null && !auto) {
        // the shard beans of a fixed total ask the REST API for the gateway URL when created
        contacted.add(apiUrl);
      }
      for (URI uri : contacted) {
        if (uri != null && !isLoopback(uri.getHost())) {
          throw new IllegalStateException(
              "This test's bot would connect to "
                  + uri.getScheme()
                  + "://"
                  + uri.getHost()
                  + ", not to a fake: annotate the test class with"
                  + " @AutoConfigureFakeDiscordGateway, or set discord.gateway.enabled=false (or"
                  + " discord.gateway.auto-startup=false) in a test that needs no gateway");
        }
      }
    }

    private static URI uri(Class<?> type, Object details, String method) {
      try {
        Method accessor = type.getMethod(method);
        return (URI) accessor.invoke(details);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException("Cannot read DiscordConnectionDetails." + method, ex);
      }
    }

    static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
  }
}
