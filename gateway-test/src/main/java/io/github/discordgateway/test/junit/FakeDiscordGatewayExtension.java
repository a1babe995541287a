package io.github.discordgateway.test.junit;

import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGatewayConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link FakeDiscordGateway} for tests and closes it afterwards. The gateway is injected
 * into test and lifecycle method parameters of type {@code FakeDiscordGateway} and into non-final
 * fields of that type (static fields too when it lives per class).
 *
 * <p>With {@code @ExtendWith(FakeDiscordGatewayExtension.class)} every test method gets a fresh
 * gateway with the default options. For options or one gateway per class, register it:
 *
 * <pre>{@code
 * class MyShardTest {
 *   @RegisterExtension
 *   static final FakeDiscordGatewayExtension GATEWAY =
 *       FakeDiscordGatewayExtension.perClass(
 *           FakeGatewayConfig.builder().heartbeatInterval(Duration.ofMillis(200)).build());
 *
 *   @Test
 *   void identifies(FakeDiscordGateway gateway) { ... }
 * }
 * }</pre>
 *
 * An instance (non-static) {@code @RegisterExtension} field with {@link
 * #perTest(FakeGatewayConfig)} starts one per test method.
 */
public final class FakeDiscordGatewayExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeDiscordGatewayExtension.class);
  private static final String KEY = "gateway";

  private final FakeGatewayConfig config;
  private final boolean perClass;

  /** One gateway per test method with the default options (for {@code @ExtendWith}). */
  public FakeDiscordGatewayExtension() {
    this(FakeGatewayConfig.defaults(), false);
  }

  private FakeDiscordGatewayExtension(FakeGatewayConfig config, boolean perClass) {
    this.config = Objects.requireNonNull(config, "config");
    this.perClass = perClass;
  }

  /** One gateway per test class (register in a static field). */
  public static FakeDiscordGatewayExtension perClass(FakeGatewayConfig config) {
    return new FakeDiscordGatewayExtension(config, true);
  }

  /** One gateway per test method. */
  public static FakeDiscordGatewayExtension perTest(FakeGatewayConfig config) {
    return new FakeDiscordGatewayExtension(config, false);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    if (!perClass) {
      return;
    }
    FakeDiscordGateway gateway =
        context
            .getStore(NAMESPACE)
            .computeIfAbsent(KEY, k -> FakeDiscordGateway.start(config), FakeDiscordGateway.class);
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (injectable(field) && Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          field.set(null, gateway);
        }
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    FakeDiscordGateway gateway = gateway(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (injectable(field) && !Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            field.set(instance, gateway);
          }
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeDiscordGateway.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (!perClass && context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(
          "A per-test FakeDiscordGateway exists only inside a test method: inject it into test or"
              + " @BeforeEach/@AfterEach parameters or fields, or use perClass(...)");
    }
    return gateway(context);
  }

  /** Returns the gateway of the current test (per-test) or class (per-class). */
  private FakeDiscordGateway gateway(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (perClass) {
      FakeDiscordGateway gateway = store.get(KEY, FakeDiscordGateway.class);
      if (gateway == null) {
        throw new ExtensionConfigurationException(
            "perClass(...) must be registered in a static @RegisterExtension field");
      }
      return gateway;
    }
    return store.computeIfAbsent(
        KEY + ":" + context.getUniqueId(),
        k -> FakeDiscordGateway.start(config),
        FakeDiscordGateway.class);
  }

  private static boolean injectable(Field field) {
    return field.getType() == FakeDiscordGateway.class && !Modifier.isFinal(field.getModifiers());
  }
}
