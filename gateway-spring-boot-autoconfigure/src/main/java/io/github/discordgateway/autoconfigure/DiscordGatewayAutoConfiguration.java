package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.ApplicationEventBridge;
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
import io.github.discordgateway.core.shard.ShardObserver;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Auto-configuration of the Discord gateway: the {@link ShardManager} with one bean per shard of
 * this process (for a fixed shard total), its transport over spring-websocket, the {@link
 * SessionStore} and {@link IdentifyLimiter}, the bridge that publishes shard events as Spring
 * {@code ApplicationEvent}s, the {@link DiscordGateway} command bean and the {@link
 * DiscordGatewayLifecycle} that connects after the context is ready. Every bean backs off when the
 * application defines one of its type.
 *
 * <p>Active unless {@code discord.gateway.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass({ShardManager.class, WebSocketClient.class})
@ConditionalOnDiscordGatewayEnabled
@EnableConfigurationProperties(DiscordGatewayProperties.class)
public final class DiscordGatewayAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DiscordGatewayAutoConfiguration.class);

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
        ObjectProvider<GatewaySettingsCustomizer> customizers) {
      GatewayPropertiesMapper.validate(properties);
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

  /** The JSR-356 client of spring-websocket (Tomcat's by default). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "jakarta.websocket.WebSocketContainer",
        "org.springframework.web.socket.client.standard.StandardWebSocketClient"
      })
  static class WebSocketClientConfiguration {

    @Bean
    @ConditionalOnMissingBean(WebSocketClient.class)
    StandardWebSocketClient discordWebSocketClient(Environment environment) {
      StandardWebSocketClient client = new StandardWebSocketClient();
      // the connect task runs on this executor only during the handshake; reading runs on the
      // container's shared I/O threads, so no thread is held per connection
      SimpleAsyncTaskExecutor connector = new SimpleAsyncTaskExecutor("discord-gateway-connect-");
      if (Threading.VIRTUAL.isActive(environment)) {
        connector.setVirtualThreads(true);
      }
      client.setTaskExecutor(connector);
      return client;
    }
  }

  /** The gateway transport over whatever {@link WebSocketClient} the context has. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(WebSocketClient.class)
  static class TransportConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GatewayTransport discordGatewayTransport(
        WebSocketClient webSocketClient, DiscordGatewayProperties properties) {
      return new SpringWebSocketTransport(
          webSocketClient,
          GatewayPropertiesMapper.maxFrameBytes(properties),
          properties.getConnection().getSendTimeLimit());
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
        ObjectProvider<ShardObserver> observers,
        ObjectProvider<GatewayEventListener> listeners,
        ObjectProvider<ShardManagerBuilderCustomizer> customizers) {
      GatewayPropertiesMapper.validate(properties);
      ApplicationEventBridge bridge = new ApplicationEventBridge(publisher, properties);
      List<GatewayEventListener> all = new ArrayList<>();
      all.add(guildMembersCollector);
      all.add(bridge);
      listeners.orderedStream().filter(l -> l != guildMembersCollector).forEach(all::add);
      ShardManager.Builder builder =
          ShardManager.builder(settings, transport)
              .apiUrl(connectionDetails.apiUrl())
              .restTimeout(properties.getConnection().getRestTimeout())
              .shardIds(properties.getShards().getIds())
              .maxConcurrency(properties.getShards().getMaxConcurrency())
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

  /**
   * Masks {@code discord.gateway.token} in every spelling ({@code DISCORD_GATEWAY_TOKEN}, ...) and
   * any property whose value is the token (such as the {@code DISCORD_TOKEN} variable it came
   * from), whatever {@code show-values} says.
   */
  static final class TokenSanitizingFunction implements SanitizingFunction {

    private final ObjectProvider<DiscordConnectionDetails> connectionDetails;

    TokenSanitizingFunction(ObjectProvider<DiscordConnectionDetails> connectionDetails) {
      this.connectionDetails = connectionDetails;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
      if (isTokenKey(data.getKey()) || isToken(data.getValue())) {
        return data.withSanitizedValue();
      }
      return data;
    }

    static boolean isTokenKey(String key) {
      if (key == null) {
        return false;
      }
      StringBuilder normalized = new StringBuilder(key.length());
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          normalized.append(Character.toLowerCase(c));
        }
      }
      return normalized.toString().equals("discordgatewaytoken");
    }

    private boolean isToken(Object value) {
      if (!(value instanceof CharSequence text)) {
        return false;
      }
      DiscordConnectionDetails details = connectionDetails.getIfAvailable();
      String token = details != null ? details.token() : null;
      if (token == null || token.isBlank()) {
        return false;
      }
      String candidate = text.toString().trim();
      String bare = token.trim();
      if (bare.regionMatches(true, 0, "Bot ", 0, 4)) {
        bare = bare.substring(4).trim();
      }
      return !bare.isEmpty()
          && (candidate.equals(bare)
              || candidate.toLowerCase(Locale.ROOT).equals("bot " + bare.toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * The threads that deliver events to listeners when they are not the shard manager's own: virtual
   * threads when {@code spring.threads.virtual.enabled} is set, a fixed pool when {@code
   * discord.gateway.events.threads} is positive. Not an {@code Executor} bean on purpose, so Boot's
   * {@code applicationTaskExecutor} does not back off.
   */
  static final class DeliveryThreads implements DisposableBean {

    private final java.util.concurrent.Executor executor;
    private final ExecutorService owned;

    private DeliveryThreads(java.util.concurrent.Executor executor, ExecutorService owned) {
      this.executor = executor;
      this.owned = owned;
    }

    static DeliveryThreads create(int threads, Environment environment) {
      if (Threading.VIRTUAL.isActive(environment)) {
        SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("discord-gateway-events-");
        virtual.setVirtualThreads(true);
        return new DeliveryThreads(virtual, null);
      }
      if (threads > 0) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool =
            Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread =
                      new Thread(runnable, "discord-gateway-events-" + counter.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
        return new DeliveryThreads(pool, pool);
      }
      return new DeliveryThreads(null, null);
    }

    /** Returns the executor, or {@code null} to let the shard manager create its own. */
    java.util.concurrent.Executor executor() {
      return executor;
    }

    @Override
    public void destroy() throws InterruptedException {
      if (owned != null) {
        owned.shutdown();
        if (!owned.awaitTermination(5, TimeUnit.SECONDS)) {
          owned.shutdownNow();
        }
      }
    }
  }
}
