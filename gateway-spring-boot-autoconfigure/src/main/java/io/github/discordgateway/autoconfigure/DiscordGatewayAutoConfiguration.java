package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * Auto-configuration of the Discord gateway: the {@link ShardManager} with one bean per shard of
 * this process (for a fixed shard total), its transport over spring-websocket (or, with {@code
 * discord.gateway.transport.type=jdk}, over the JDK's WebSocket client), the {@link SessionStore}
 * and {@link IdentifyLimiter}, the bridge that publishes shard events as Spring {@code
 * ApplicationEvent}s, the {@link DiscordGateway} command bean and the {@link
 * DiscordGatewayLifecycle} that connects when the context starts. Every bean backs off when the
 * application defines one of its type, except the WebSocket client, which backs off only for a bean
 * named {@value #WEB_SOCKET_CLIENT_BEAN_NAME}.
 *
 * <p>Active unless {@code discord.gateway.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass({ShardManager.class, WebSocketClient.class})
@ConditionalOnDiscordGatewayEnabled
@EnableConfigurationProperties(DiscordGatewayProperties.class)
@Import({
  DiscordGatewayConfigurations.GatewayCoreConfiguration.class,
  DiscordGatewayConfigurations.WebSocketClientConfiguration.class,
  DiscordGatewayConfigurations.TransportConfiguration.class,
  DiscordGatewayConfigurations.JdkTransportConfiguration.class,
  DiscordGatewayConfigurations.ShardManagerConfiguration.class,
  DiscordGatewayConfigurations.GatewayRuntimeConfiguration.class,
  DiscordGatewayConfigurations.ActuatorSanitizingConfiguration.class
})
public final class DiscordGatewayAutoConfiguration {

  /**
   * Name of the {@link WebSocketClient} bean the gateway transport uses. Only a bean of this name
   * replaces the default client; other {@code WebSocketClient} beans of the application are left
   * alone. To replace the whole transport, define a {@code GatewayTransport} bean instead.
   */
  public static final String WEB_SOCKET_CLIENT_BEAN_NAME = "discordWebSocketClient";

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
