package io.github.discordgateway.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.test.FakeDiscordGateway;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.test.context.ContextCustomizer;

class FakeDiscordGatewayContextCustomizerTest {

  @AutoConfigureFakeDiscordGateway(shards = 2)
  static class A {}

  @AutoConfigureFakeDiscordGateway(shards = 2)
  static class B {}

  @AutoConfigureFakeDiscordGateway(shards = 3)
  static class C {}

  @AutoConfigureFakeDiscordGateway(token = "secret-token-value")
  static class D {}

  static class Plain {}

  private final FakeDiscordGatewayContextCustomizerFactory factory =
      new FakeDiscordGatewayContextCustomizerFactory();

  private ContextCustomizer customizer(Class<?> type) {
    return factory.createContextCustomizer(type, List.of());
  }

  @Test
  void equalAttributesGiveEqualCustomizersSoTheContextIsCached() {
    assertThat(customizer(A.class)).isEqualTo(customizer(B.class));
    assertThat(customizer(A.class)).hasSameHashCodeAs(customizer(B.class));
    assertThat(customizer(A.class)).isNotEqualTo(customizer(C.class));
  }

  @Test
  void classesWithoutTheAnnotationGetTheRealDiscordGuard() {
    assertThat(customizer(Plain.class))
        .isInstanceOf(RealDiscordGuardCustomizer.class)
        .isEqualTo(customizer(Plain.class));
  }

  @Test
  void customizerToStringHidesTheToken() {
    assertThat(customizer(D.class).toString()).doesNotContain("secret-token-value");
  }

  @Test
  void gatewayIsClosedWithTheContext() {
    FakeDiscordGateway gateway;
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      customizer(A.class).customizeContext(context, null);
      context.refresh();
      gateway = context.getBean(FakeDiscordGateway.class);
      assertThat(gateway.isClosed()).isFalse();
    }
    assertThat(gateway.isClosed()).isTrue();
  }
}
