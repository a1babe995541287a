package io.github.discordgateway.test.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates a {@link FakeDiscordGatewayContextCustomizer} for test classes annotated (directly, by
 * inheritance or on an enclosing class) with {@link AutoConfigureFakeDiscordGateway}, and a {@link
 * RealDiscordGuardCustomizer} for every other test class. Registered in {@code
 * META-INF/spring.factories}.
 */
public final class FakeDiscordGatewayContextCustomizerFactory implements ContextCustomizerFactory {

  /** Creates the factory (instantiated by Spring's factory loader). */
  public FakeDiscordGatewayContextCustomizerFactory() {}

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureFakeDiscordGateway annotation =
        TestContextAnnotationUtils.findMergedAnnotation(
            testClass, AutoConfigureFakeDiscordGateway.class);
    return annotation == null
        ? new RealDiscordGuardCustomizer()
        : new FakeDiscordGatewayContextCustomizer(
            new FakeDiscordGatewayContextCustomizer.Settings(
                annotation.token(),
                annotation.heartbeatIntervalMillis(),
                annotation.shards(),
                annotation.maxConcurrency(),
                annotation.awaitReady(),
                annotation.readyTimeoutSeconds()));
  }
}
