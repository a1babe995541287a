package io.github.discordgateway.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.command.GuildMembersCollector;
import io.github.discordgateway.core.protocol.BotActivityType;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

@ExtendWith(OutputCaptureExtension.class)
class DiscordGatewayAutoConfigurationTests {

  static final String TOKEN = "MTA4NTEyODM3MDAwNzU3MjQ4MA.secret-token-value-for-tests";

  // a fixed total with a gateway URL needs no REST call; nothing connects without auto-startup
  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.token=" + TOKEN,
              "discord.gateway.url=ws://127.0.0.1:9",
              "discord.gateway.auto-startup=false");

  @Test
  void defaultsCreateEveryBeanAndOneShardBean() {
    contextRunner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(ShardManager.class);
          assertThat(context).hasSingleBean(GatewayTransport.class);
          assertThat(context).hasSingleBean(StandardWebSocketClient.class);
          assertThat(context).hasSingleBean(InMemorySessionStore.class);
          assertThat(context).hasSingleBean(LocalIdentifyLimiter.class);
          assertThat(context).hasSingleBean(DiscordGateway.class);
          assertThat(context).hasSingleBean(DiscordGatewayLifecycle.class);
          assertThat(context).hasSingleBean(GuildMembersCollector.class);
          assertThat(context).hasSingleBean(PropertiesDiscordConnectionDetails.class);
          assertThat(context.getBeansOfType(Shard.class)).containsOnlyKeys("discordShard0");
          assertThat(context.getBean("discordShard0", Shard.class).id()).isZero();
          GatewaySettings settings = context.getBean(GatewaySettings.class);
          assertThat(settings.token()).isEqualTo(TOKEN);
          assertThat(Intent.fromBitmask(settings.intents()))
              .containsExactlyInAnyOrder(Intent.GUILDS, Intent.GUILD_MESSAGES);
          assertThat(settings.compression()).isEqualTo(Compression.ZLIB_STREAM);
          assertThat(settings.largeThreshold()).isEqualTo(50);
          assertThat(settings.presence()).isNull();
          assertThat(context.getBean(DiscordGatewayLifecycle.class).isRunning()).isFalse();
        });
  }

  @Test
  void switchedOffWithEnabledFalse() {
    contextRunner
        .withPropertyValues("discord.gateway.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ShardManager.class);
              assertThat(context).doesNotHaveBean(DiscordGatewayProperties.class);
              assertThat(context).doesNotHaveBean(DiscordGateway.class);
            });
  }

  @Test
  void disabledWithoutTokenNeedsNoToken() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
        .withPropertyValues("discord.gateway.enabled=false")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void userBeansBackOff() {
    SessionStore store = new InMemorySessionStore();
    IdentifyLimiter limiter = mock(IdentifyLimiter.class);
    WebSocketClient client = mock(WebSocketClient.class);
    DiscordConnectionDetails details =
        DiscordConnectionDetails.of(
            URI.create("ws://127.0.0.1:9"),
            URI.create("http://127.0.0.1:9/api/v10"),
            "other.token");
    contextRunner
        .withBean(SessionStore.class, () -> store)
        .withBean(IdentifyLimiter.class, () -> limiter)
        .withBean(
            DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME,
            WebSocketClient.class,
            () -> client)
        .withBean(DiscordConnectionDetails.class, () -> details)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(SessionStore.class)).isSameAs(store);
              assertThat(context.getBean(IdentifyLimiter.class)).isSameAs(limiter);
              assertThat(context.getBean(WebSocketClient.class)).isSameAs(client);
              assertThat(context).doesNotHaveBean(StandardWebSocketClient.class);
              assertThat(context.getBean(DiscordConnectionDetails.class)).isSameAs(details);
              assertThat(context.getBean(GatewaySettings.class).token()).isEqualTo("other.token");
            });
  }

  @Test
  void userShardManagerBacksOffTogetherWithShardBeans() {
    contextRunner
        .withBean(
            "myManager",
            ShardManager.class,
            () ->
                ShardManager.builder(
                        GatewaySettings.builder("x.y.z").build(), mock(GatewayTransport.class))
                    .gatewayUrl("ws://127.0.0.1:9")
                    .totalShards(2)
                    .build())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(ShardManager.class)).containsOnlyKeys("myManager");
              assertThat(context.getBeansOfType(Shard.class)).isEmpty();
              assertThat(context).hasSingleBean(DiscordGateway.class);
            });
  }

  @Test
  void userTransportBacksOff() {
    GatewayTransport transport = mock(GatewayTransport.class);
    contextRunner
        .withBean(GatewayTransport.class, () -> transport)
        .run(context -> assertThat(context.getBean(GatewayTransport.class)).isSameAs(transport));
  }

  @Test
  void transportTypeJdkUsesTheJdkWebSocketClientInsteadOfSpringWebSocket() {
    contextRunner
        .withPropertyValues(
            "discord.gateway.transport.type=jdk", "discord.gateway.transport.threads=3")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(GatewayTransport.class))
                  .isInstanceOf(JdkWebSocketTransport.class)
                  .hasToString("JdkWebSocketTransport[threads=3]");
              assertThat(context).doesNotHaveBean(WebSocketClient.class);
              assertThat(context).hasSingleBean(ShardManager.class);
            });
  }

  @Test
  void theDefaultTransportIsSpringWebSocket() {
    contextRunner
        .withPropertyValues("discord.gateway.transport.type=spring")
        .run(
            context ->
                assertThat(context.getBean(GatewayTransport.class))
                    .isInstanceOf(SpringWebSocketTransport.class));
    contextRunner.run(
        context ->
            assertThat(context.getBean(GatewayTransport.class))
                .isInstanceOf(SpringWebSocketTransport.class));
  }

  @Test
  void userTransportBacksOffWithTransportTypeJdkToo() {
    GatewayTransport transport = mock(GatewayTransport.class);
    contextRunner
        .withPropertyValues("discord.gateway.transport.type=jdk")
        .withBean(GatewayTransport.class, () -> transport)
        .run(
            context -> {
              assertThat(context).hasSingleBean(GatewayTransport.class);
              assertThat(context.getBean(GatewayTransport.class)).isSameAs(transport);
            });
  }

  @Test
  void theJdkTransportNeedsNoWebSocketContainer() {
    contextRunner
        .withPropertyValues("discord.gateway.transport.type=jdk")
        .withClassLoader(new FilteredClassLoader("jakarta.websocket"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(JdkWebSocketTransport.class);
              assertThat(context).hasSingleBean(ShardManager.class);
            });
  }

  @Test
  void withoutTheGatewayCoreNothingIsConfigured() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(ShardManager.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DiscordGatewayProperties.class);
            });
  }

  @Test
  void withoutAWebSocketContainerNoShardManagerIsCreated() {
    contextRunner
        .withClassLoader(new FilteredClassLoader("jakarta.websocket"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(WebSocketClient.class);
              assertThat(context).doesNotHaveBean(ShardManager.class);
              assertThat(context).doesNotHaveBean(DiscordGateway.class);
            });
  }

  @Test
  void withoutActuatorNoSanitizingFunctionIsCreated() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SanitizingFunction.class);
              assertThat(context).hasSingleBean(ShardManager.class);
            });
  }

  @Test
  void fixedTotalWithIdsRegistersOneBeanPerShardOfThisInstance() {
    contextRunner
        .withPropertyValues("discord.gateway.shards.total=4", "discord.gateway.shards.ids=1-2")
        .run(
            context -> {
              assertThat(context.getBeansOfType(Shard.class))
                  .containsOnlyKeys("discordShard1", "discordShard2");
              assertThat(context.getBean("discordShard2", Shard.class).count()).isEqualTo(4);
              assertThat(context.getBean(ShardManager.class).shardIds()).containsExactly(1, 2);
            });
  }

  @Test
  void autoTotalRegistersNoShardBeansAndCallsNoRestBeforeStart() {
    contextRunner
        .withPropertyValues(
            "discord.gateway.shards.total=AUTO", "discord.gateway.api-url=http://127.0.0.1:9")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(Shard.class)).isEmpty();
              assertThat(context.getBean(ShardManager.class).totalShards()).isZero();
            });
  }

  @Test
  void propertiesShapeTheSettingsAndCustomizersRunInOrder() {
    List<String> calls = new ArrayList<>();
    contextRunner
        .withPropertyValues(
            "discord.gateway.intents=guilds, Guild-Members ,MESSAGE_CONTENT",
            "discord.gateway.compression=none",
            "discord.gateway.large-threshold=250",
            "discord.gateway.presence.status=dnd",
            "discord.gateway.presence.activity.name=with snowflakes",
            "discord.gateway.presence.activity.type=watching")
        .withBean(
            "second",
            GatewaySettingsCustomizer.class,
            () ->
                new OrderedSettingsCustomizer(
                    2,
                    builder -> {
                      calls.add("second");
                      builder.largeThreshold(100);
                    }))
        .withBean(
            "first",
            GatewaySettingsCustomizer.class,
            () -> new OrderedSettingsCustomizer(1, builder -> calls.add("first")))
        .withBean(ShardManagerBuilderCustomizer.class, () -> builder -> calls.add("manager"))
        .run(
            context -> {
              GatewaySettings settings = context.getBean(GatewaySettings.class);
              assertThat(Intent.fromBitmask(settings.intents()))
                  .isEqualTo(
                      EnumSet.of(Intent.GUILDS, Intent.GUILD_MEMBERS, Intent.MESSAGE_CONTENT));
              assertThat(settings.compression()).isEqualTo(Compression.NONE);
              assertThat(settings.largeThreshold()).isEqualTo(100);
              assertThat(settings.presence().status()).isEqualTo(PresenceStatus.DND);
              assertThat(settings.presence().activities().get(0).type())
                  .isEqualTo(BotActivityType.WATCHING);
              assertThat(calls).containsExactly("first", "second", "manager");
            });
  }

  record OrderedSettingsCustomizer(int order, GatewaySettingsCustomizer delegate)
      implements GatewaySettingsCustomizer, org.springframework.core.Ordered {
    @Override
    public void customize(GatewaySettings.Builder builder) {
      delegate.customize(builder);
    }

    @Override
    public int getOrder() {
      return order;
    }
  }

  @Test
  void unknownIntentFailsStartupListingTheValidNames() {
    contextRunner
        .withPropertyValues("discord.gateway.intents=GUILDS,GUILD_MESAGES")
        .run(
            context -> {
              assertThat(context).hasFailed();
              DiscordGatewayConfigurationException ex =
                  configurationFailure(context.getStartupFailure());
              assertThat(ex.kind())
                  .isEqualTo(DiscordGatewayConfigurationException.Kind.UNKNOWN_INTENT);
              assertThat(ex.getMessage())
                  .contains("GUILD_MESAGES")
                  .contains("GUILD_MESSAGES, GUILD_MESSAGE_REACTIONS")
                  .contains("MESSAGE_CONTENT");
            });
  }

  @Test
  void largeThresholdOutOfRangeFailsStartup() {
    contextRunner
        .withPropertyValues("discord.gateway.large-threshold=251")
        .run(
            context -> {
              DiscordGatewayConfigurationException ex =
                  configurationFailure(context.getStartupFailure());
              assertThat(ex.property()).isEqualTo("discord.gateway.large-threshold");
              assertThat(ex.getMessage()).contains("between 50 and 250").contains("251");
            });
  }

  @Test
  void shardIdNotBelowTheTotalFailsStartup() {
    contextRunner
        .withPropertyValues("discord.gateway.shards.total=2", "discord.gateway.shards.ids=0-2")
        .run(
            context -> {
              DiscordGatewayConfigurationException ex =
                  configurationFailure(context.getStartupFailure());
              assertThat(ex.kind())
                  .isEqualTo(DiscordGatewayConfigurationException.Kind.INVALID_SHARDS);
              assertThat(ex.property()).isEqualTo("discord.gateway.shards.ids");
              assertThat(ex.getMessage()).contains("below the shard total 2");
            });
  }

  @Test
  void shardTotalMustBeANumberOrAuto() {
    contextRunner
        .withPropertyValues("discord.gateway.shards.total=many")
        .run(
            context -> {
              DiscordGatewayConfigurationException ex =
                  configurationFailure(context.getStartupFailure());
              assertThat(ex.property()).isEqualTo("discord.gateway.shards.total");
              assertThat(ex.getMessage()).contains("a number or 'auto'").contains("many");
            });
    contextRunner
        .withPropertyValues("discord.gateway.shards.total=0")
        .run(
            context ->
                assertThat(configurationFailure(context.getStartupFailure()).getMessage())
                    .contains("at least 1"));
  }

  @Test
  void otherInvalidRangesFailStartupNamingTheProperty() {
    Map<String, String> cases =
        Map.of(
            "discord.gateway.events.queue-capacity=1", "discord.gateway.events.queue-capacity",
            "discord.gateway.connection.max-frame-size=1KB",
                "discord.gateway.connection.max-frame-size",
            "discord.gateway.reconnect.multiplier=0.5", "discord.gateway.reconnect",
            "discord.gateway.connection.connect-timeout=0s",
                "discord.gateway.connection.connect-timeout",
            "discord.gateway.presence.activity.url=https://example.com/stream",
                "discord.gateway.presence",
            "discord.gateway.transport.threads=-1", "discord.gateway.transport.threads");
    cases.forEach(
        (property, name) ->
            contextRunner
                .withPropertyValues(property, "discord.gateway.presence.activity.name=x")
                .run(
                    context ->
                        assertThat(configurationFailure(context.getStartupFailure()).property())
                            .as(property)
                            .isEqualTo(name)));
  }

  @Test
  void missingTokenFailsWithAnAnalysisThatSaysWhatToSet() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
        .withPropertyValues("discord.gateway.url=ws://127.0.0.1:9")
        .run(
            context -> {
              assertThat(context).hasFailed();
              DiscordGatewayConfigurationException ex =
                  configurationFailure(context.getStartupFailure());
              assertThat(ex.kind())
                  .isEqualTo(DiscordGatewayConfigurationException.Kind.MISSING_TOKEN);
              FailureAnalysis analysis =
                  new DiscordGatewayConfigurationFailureAnalyzer()
                      .analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription()).contains("No bot token is configured");
              assertThat(analysis.getAction())
                  .contains("discord.gateway.token")
                  .contains("DiscordConnectionDetails")
                  .contains("discord.gateway.enabled=false");
            });
  }

  @Test
  void failureAnalyzersAreRegistered() throws Exception {
    String factories =
        new String(
            getClass()
                .getClassLoader()
                .getResourceAsStream("META-INF/spring.factories")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(factories)
        .contains("org.springframework.boot.diagnostics.FailureAnalyzer")
        .contains(DiscordGatewayConfigurationFailureAnalyzer.class.getName())
        .contains(GatewayStartupFailureAnalyzer.class.getName());
  }

  @Test
  void rejectedTokenDuringAutoShardingFailsStartupClearly() {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.token=not.the.right-token",
              "discord.gateway.shards.total=auto",
              "discord.gateway.api-url=" + gateway.apiBaseUrl())
          .run(
              context -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                GatewayException cause = findCause(failure, GatewayException.class);
                assertThat(cause.kind()).isEqualTo(GatewayException.Kind.AUTHENTICATION_FAILED);
                FailureAnalysis analysis = new GatewayStartupFailureAnalyzer().analyze(failure);
                assertThat(analysis.getAction()).contains("discord.gateway.token");
                assertThat(analysis.getDescription()).doesNotContain("not.the.right-token");
              });
    }
  }

  @Test
  void tokenIsRedactedInToStrings() {
    contextRunner.run(
        context -> {
          assertThat(context.getBean(DiscordGatewayProperties.class).toString())
              .contains("<redacted>")
              .doesNotContain(TOKEN);
          assertThat(context.getBean(DiscordConnectionDetails.class).toString())
              .contains("<redacted>")
              .doesNotContain(TOKEN);
          assertThat(context.getBean(GatewaySettings.class).toString()).doesNotContain(TOKEN);
          assertThat(context.getBean(ShardManager.class).toString()).doesNotContain(TOKEN);
          assertThat(context.getBean(DiscordGateway.class).toString()).doesNotContain(TOKEN);
          assertThat(
                  DiscordConnectionDetails.of(null, DiscordConnectionDetails.DEFAULT_API_URL, TOKEN)
                      .toString())
              .doesNotContain(TOKEN);
        });
  }

  @Test
  void tokenNeverAppearsInStartupLogs(CapturedOutput output) {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.builder().token(TOKEN).start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.token=" + TOKEN,
              "discord.gateway.shards.total=auto",
              "discord.gateway.api-url=" + gateway.apiBaseUrl(),
              "discord.gateway.intents=GUILDS,MESSAGE_CONTENT")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                context
                    .getBean(DiscordGatewayLifecycle.class)
                    .ready()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
              });
    }
    assertThat(output).contains("privileged: [MESSAGE_CONTENT]");
    assertThat(output).contains("Discord gateway connected");
    assertThat(output).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 20));
  }

  @Test
  void actuatorEndpointsMaskTheTokenEvenWithShowValuesAlways() {
    contextRunner
        .withConfiguration(
            AutoConfigurations.of(
                EndpointAutoConfiguration.class,
                ConfigurationPropertiesReportEndpointAutoConfiguration.class,
                EnvironmentEndpointAutoConfiguration.class))
        .withPropertyValues(
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.env.show-values=always",
            "management.endpoints.jmx.exposure.include=*",
            "management.endpoints.web.exposure.include=*",
            "DISCORD_TOKEN=" + TOKEN)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ConfigurationPropertiesReportEndpoint configprops =
                  context.getBean(ConfigurationPropertiesReportEndpoint.class);
              var beans =
                  configprops.configurationProperties().getContexts().values().stream()
                      .flatMap(c -> c.getBeans().values().stream())
                      .filter(b -> "discord.gateway".equals(b.getPrefix()))
                      .toList();
              assertThat(beans).hasSize(1);
              Map<String, Object> properties = beans.get(0).getProperties();
              assertThat(properties.get("token")).isEqualTo(SanitizableData.SANITIZED_VALUE);
              assertThat(properties.get("url")).isEqualTo("ws://127.0.0.1:9");
              assertThat(String.valueOf(properties)).doesNotContain(TOKEN);
              EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
              Map<String, Object> values = new java.util.HashMap<>();
              env.environment(null)
                  .getPropertySources()
                  .forEach(
                      source ->
                          source
                              .getProperties()
                              .forEach((key, value) -> values.put(key, value.getValue())));
              assertThat(values.get("discord.gateway.url")).isEqualTo("ws://127.0.0.1:9");
              assertThat(values.get("discord.gateway.token"))
                  .isEqualTo(SanitizableData.SANITIZED_VALUE);
              assertThat(values.get("DISCORD_TOKEN")).isEqualTo(SanitizableData.SANITIZED_VALUE);
              assertThat(values.values()).doesNotContain(TOKEN);
            });
  }

  @Test
  void sanitizingFunctionMasksTokenKeysInEverySpellingAndTheTokenValue() {
    contextRunner.run(
        context -> {
          SanitizingFunction function = context.getBean(SanitizingFunction.class);
          assertThat(
                  function
                      .apply(new SanitizableData(null, "DISCORD_GATEWAY_TOKEN", "x"))
                      .getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(
                  function
                      .apply(new SanitizableData(null, "discord.gateway.token", "x"))
                      .getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(function.apply(new SanitizableData(null, "SOME_SECRET", TOKEN)).getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(
                  function
                      .apply(new SanitizableData(null, "discord.gateway.url", "ws://x"))
                      .getValue())
              .isEqualTo("ws://x");
          assertThat(function.apply(new SanitizableData(null, "empty", "")).getValue())
              .isEqualTo("");
        });
  }

  @Test
  void startsWithVirtualThreadsEnabled() {
    contextRunner
        .withPropertyValues("spring.threads.virtual.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DiscordGatewayAutoConfiguration.DeliveryThreads threads =
                  context.getBean(DiscordGatewayAutoConfiguration.DeliveryThreads.class);
              // virtual threads exist from Java 21; on older JVMs the property has no effect
              assertThat(threads.executor() != null).isEqualTo(Runtime.version().feature() >= 21);
            });
  }

  @Test
  void eventThreadsPropertyCreatesAPoolThatClosesWithTheContext() {
    contextRunner
        .withPropertyValues("discord.gateway.events.threads=3")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(DiscordGatewayAutoConfiguration.DeliveryThreads.class)
                            .executor())
                    .isNotNull());
  }

  private static DiscordGatewayConfigurationException configurationFailure(Throwable failure) {
    return findCause(failure, DiscordGatewayConfigurationException.class);
  }

  private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause();
    }
    throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
  }
}
