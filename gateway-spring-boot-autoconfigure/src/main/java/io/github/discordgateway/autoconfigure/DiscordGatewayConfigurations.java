package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration.DeliveryThreads;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration.TokenSanitizingFunction;
import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.ApplicationEventBridge;
import io.github.discordgateway.autoconfigure.event.GatewayListenerErrorHandler;
import io.github.discordgateway.autoconfigure.event.ListenerErrorRecorder;
import io.github.discordgateway.autoconfigure.transport.SpringWebSocketTransport;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.command.GuildMembersCollector;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ExecutorGatewayScheduler;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.transport.GatewayTransport;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * The configurations imported by {@link DiscordGatewayAutoConfiguration}, in the order they must
 * load: later ones depend on the beans of earlier ones through {@code @ConditionalOnBean}.
 */
final class DiscordGatewayConfigurations {

  private static final Logger log = LoggerFactory.getLogger(DiscordGatewayAutoConfiguration.class);

  private static final String TRANSPORT_TYPE_PROPERTY = "discord.gateway.transport.type";

  private DiscordGatewayConfigurations() {}

  /** Connection details, settings and the shared SPIs; nested classes load in this order. */
  @Configuration(proxyBeanMethods = false)
  static class GatewayCoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(DiscordConnectionDetails.class)
    PropertiesDiscordConnectionDetails discordConnectionDetails(
        DiscordGatewayProperties properties) {
      return new PropertiesDiscordConnectionDetails(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    GatewaySettings discordGatewaySettings(
        DiscordGatewayProperties properties,
        DiscordConnectionDetails connectionDetails,
        ObjectProvider<GatewaySettingsCustomizer> customizers,
        ResourceLoader resourceLoader) {
      GatewayPropertiesMapper.validate(properties);
      GatewayPropertiesMapper.validate(
          properties, connectionDetails, resourceLoader.getClassLoader());
      GatewaySettings.Builder builder =
          GatewayPropertiesMapper.settings(properties, connectionDetails.token());
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      GatewaySettings settings = builder.build();
      logIntents(settings.intents());
      return settings;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(GatewayScheduler.class)
    ExecutorGatewayScheduler discordGatewayScheduler() {
      return ExecutorGatewayScheduler.create("discord-gateway-timer-", 1);
    }

    @Bean
    @ConditionalOnMissingBean
    SessionStore discordSessionStore() {
      return new InMemorySessionStore();
    }

    @Bean
    @ConditionalOnMissingBean
    IdentifyLimiter discordIdentifyLimiter(GatewayScheduler discordGatewayScheduler) {
      return new LocalIdentifyLimiter(InstantSource.system(), discordGatewayScheduler);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GuildMembersCollector discordGuildMembersCollector(
        DiscordGatewayProperties properties, GatewayScheduler discordGatewayScheduler) {
      return new GuildMembersCollector(
          discordGatewayScheduler, properties.getCommands().getMemberRequestTimeout());
    }

    private static void logIntents(long bits) {
      EnumSet<Intent> intents = Intent.fromBitmask(bits);
      EnumSet<Intent> privileged = EnumSet.copyOf(intents);
      privileged.retainAll(Intent.privilegedIntents());
      if (privileged.isEmpty()) {
        log.info("Discord gateway intents: {}", intents);
      } else {
        log.info(
            "Discord gateway intents: {}; privileged: {} (they must be enabled for the bot in the"
                + " Developer Portal, else Discord closes with 4014)",
            intents,
            privileged);
      }
    }
  }

  /**
   * The JSR-356 client of spring-websocket (Tomcat's by default), as the bean named {@value
   * DiscordGatewayAutoConfiguration#WEB_SOCKET_CLIENT_BEAN_NAME}: other {@link WebSocketClient}
   * beans of the application are not used for Discord.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "jakarta.websocket.WebSocketContainer",
        "org.springframework.web.socket.client.standard.StandardWebSocketClient"
      })
  @ConditionalOnProperty(
      name = TRANSPORT_TYPE_PROPERTY,
      havingValue = "spring",
      matchIfMissing = true)
  static class WebSocketClientConfiguration {

    @Bean(DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME)
    @ConditionalOnMissingBean(name = DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME)
    StandardWebSocketClient discordWebSocketClient(Environment environment) {
      // the connect task runs on this executor only during the handshake; reading runs on the
      // container's shared I/O threads, so no thread is held per connection
      if (Threading.VIRTUAL.isActive(environment)) {
        StandardWebSocketClient client = new StandardWebSocketClient();
        SimpleAsyncTaskExecutor connector = new SimpleAsyncTaskExecutor("discord-gateway-connect-");
        connector.setVirtualThreads(true);
        client.setTaskExecutor(connector);
        return client;
      }
      // platform threads: a small shared pool instead of a new thread per connection attempt
      return SpringWebSocketTransport.standardClient(4);
    }
  }

  /** The gateway transport over the Discord {@link WebSocketClient} bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(name = DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME)
  @ConditionalOnProperty(
      name = TRANSPORT_TYPE_PROPERTY,
      havingValue = "spring",
      matchIfMissing = true)
  static class TransportConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GatewayTransport discordGatewayTransport(
        @Qualifier(DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME)
            WebSocketClient webSocketClient,
        DiscordGatewayProperties properties) {
      return new SpringWebSocketTransport(
          webSocketClient,
          GatewayPropertiesMapper.maxFrameBytes(properties),
          properties.getConnection().getSendTimeLimit());
    }
  }

  /**
   * The gateway transport over the JDK's WebSocket client, with {@code
   * discord.gateway.transport.type=jdk}: one HTTP client and a bounded pool for every shard, TLS
   * included. An application's own {@link GatewayTransport} bean still wins.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = TRANSPORT_TYPE_PROPERTY, havingValue = "jdk")
  static class JdkTransportConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(GatewayTransport.class)
    JdkWebSocketTransport discordGatewayTransport(DiscordGatewayProperties properties) {
      int threads = properties.getTransport().getThreads();
      return new JdkWebSocketTransport(
          GatewayPropertiesMapper.maxFrameBytes(properties),
          properties.getConnection().getSendTimeLimit(),
          threads == 0 ? JdkWebSocketTransport.defaultThreads() : threads);
    }
  }

  /** The shard manager, its delivery threads and the per-shard beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(GatewayTransport.class)
  @ConditionalOnMissingBean(ShardManager.class)
  @Import(DiscordShardBeanRegistrar.class)
  static class ShardManagerConfiguration {

    @Bean
    DeliveryThreads discordGatewayDeliveryThreads(
        DiscordGatewayProperties properties, Environment environment) {
      return DeliveryThreads.create(properties.getEvents().getThreads(), environment);
    }

    @Bean
    @ConditionalOnMissingBean
    GatewayListenerErrorHandler discordGatewayListenerErrorHandler(
        ApplicationContext context, ObjectProvider<ListenerErrorRecorder> recorders) {
      ApplicationEventMulticaster multicaster =
          context.getBeanProvider(ApplicationEventMulticaster.class).getIfUnique();
      return GatewayListenerErrorHandler.install(
          multicaster, () -> recorders.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    ShardManager discordShardManager(
        GatewaySettings settings,
        GatewayTransport transport,
        DiscordGatewayProperties properties,
        DiscordConnectionDetails connectionDetails,
        SessionStore sessionStore,
        IdentifyLimiter identifyLimiter,
        GatewayScheduler discordGatewayScheduler,
        DeliveryThreads deliveryThreads,
        GuildMembersCollector guildMembersCollector,
        ApplicationEventPublisher publisher,
        GatewayListenerErrorHandler listenerErrors,
        ObjectProvider<ShardObserver> observers,
        ObjectProvider<GatewayEventListener> listeners,
        ObjectProvider<ShardManagerBuilderCustomizer> customizers) {
      GatewayPropertiesMapper.validate(properties);
      ApplicationEventBridge bridge =
          new ApplicationEventBridge(publisher, properties, listenerErrors);
      List<GatewayEventListener> all = new ArrayList<>();
      all.add(guildMembersCollector);
      all.add(bridge);
      listeners.orderedStream().filter(l -> l != guildMembersCollector).forEach(all::add);
      ShardManagerBuilder builder =
          ShardManager.builder(settings, transport)
              .apiUrl(connectionDetails.apiUrl())
              .restTimeout(properties.getConnection().getRestTimeout())
              .restMaxWait(properties.getConnection().getRestMaxWait())
              .shardIds(properties.getShards().getIds())
              .maxConcurrency(properties.getShards().getMaxConcurrency())
              .waveTimeout(properties.getShards().getWaveTimeout())
              .commandTimeout(properties.getCommands().getTimeout())
              .sessionStore(sessionStore)
              .identifyLimiter(identifyLimiter)
              .scheduler(discordGatewayScheduler)
              .options(GatewayPropertiesMapper.shardOptions(properties))
              .observer(CompositeShardObserver.of(observers.orderedStream().toList()))
              .listener(new CompositeGatewayEventListener(all));
      Integer total = GatewayPropertiesMapper.totalShards(properties.getShards());
      if (total == null) {
        builder.autoShards();
      } else {
        builder.totalShards(total);
      }
      URI gatewayUrl = connectionDetails.gatewayUrl();
      if (gatewayUrl != null) {
        builder.gatewayUrl(gatewayUrl.toString());
      }
      if (deliveryThreads.executor() != null) {
        builder.deliveryExecutor(deliveryThreads.executor());
      }
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      ShardManager manager = builder.build();
      bridge.source(manager);
      return manager;
    }
  }

  /** What runs on top of the shard manager: commands and the lifecycle. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(ShardManager.class)
  static class GatewayRuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DiscordGateway discordGateway(
        ShardManager shardManager, GuildMembersCollector guildMembersCollector) {
      return new DiscordGateway(shardManager, guildMembersCollector);
    }

    @Bean
    @ConditionalOnMissingBean
    DiscordGatewayLifecycle discordGatewayLifecycle(
        ShardManager shardManager, DiscordGatewayProperties properties) {
      return new DiscordGatewayLifecycle(
          shardManager, properties.getStopTimeout(), properties.isAutoStartup());
    }

    @Bean
    @ConditionalOnProperty(prefix = "discord.gateway", name = "fatal-action", havingValue = "exit")
    FatalCloseExit discordGatewayFatalCloseExit(ConfigurableApplicationContext context) {
      return new FatalCloseExit(context, System::exit);
    }
  }

  /** Keeps the token out of {@code /actuator/env} and {@code /actuator/configprops}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class ActuatorSanitizingConfiguration {

    @Bean
    SanitizingFunction discordGatewayTokenSanitizingFunction(
        ObjectProvider<DiscordConnectionDetails> connectionDetails) {
      return new TokenSanitizingFunction(connectionDetails);
    }
  }
}
