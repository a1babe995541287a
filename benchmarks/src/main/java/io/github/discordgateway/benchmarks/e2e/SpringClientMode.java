package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The library as a Spring Boot application uses it: a Boot context without a web server, the
 * starter's auto-configuration, and an {@code @EventListener} on {@link MessageCreateEvent}. {@code
 * spring} counts each event and reads only its sequence (no payload decode, like {@code core});
 * {@code spring-typed} also reads {@code event.message().content()}, which decodes that one field
 * of the payload on demand (the message is a lazy view; {@code core-typed} decodes the whole typed
 * payload).
 *
 * <p>The context builds its own transport from the auto-configuration (the same {@code
 * SpringWebSocketTransport} over Tomcat's WebSocket client as the other modes, but its own
 * instance), so {@link Target#transport()} is not used. It connects the shard ids the target names
 * out of {@link Target#totalShards()}, as the other modes do.
 */
final class SpringClientMode implements ClientMode {

  private final boolean typed;

  SpringClientMode(boolean typed) {
    this.typed = typed;
  }

  @Override
  public String name() {
    return typed ? "spring-typed" : "spring";
  }

  @Override
  public Client connect(Target target, EventCounter counter) throws Exception {
    MessageListener listener = new MessageListener(counter, typed);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BenchmarkApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .registerShutdownHook(false)
            .properties(properties(target))
            .initializers(
                (GenericApplicationContext ctx) ->
                    ctx.registerBean(MessageListener.class, () -> listener))
            .run();
    try {
      context
          .getBean(DiscordGatewayLifecycle.class)
          .ready()
          .get(60 + 6L * target.totalShards() / target.maxConcurrency(), TimeUnit.SECONDS);
    } catch (Exception e) {
      context.close();
      throw e;
    }
    return context::close;
  }

  /** The application's configuration, as it would be in {@code application.yml}. */
  static Map<String, Object> properties(Target target) {
    URI gateway = URI.create(target.gatewayUrl());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.main.banner-mode", "off");
    p.put("discord.gateway.url", target.gatewayUrl());
    p.put(
        "discord.gateway.api-url",
        "http://" + gateway.getHost() + ":" + gateway.getPort() + "/api/v10");
    p.put("discord.gateway.token", target.token());
    p.put("discord.gateway.compression", target.compression().name());
    p.put("discord.gateway.intents", "GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT");
    p.put("discord.gateway.shards.total", Integer.toString(target.totalShards()));
    p.put("discord.gateway.shards.max-concurrency", Integer.toString(target.maxConcurrency()));
    if (target.shardId() >= 0) {
      p.put("discord.gateway.shards.ids", Integer.toString(target.shardId()));
    }
    return p;
  }

  /** The Boot application: auto-configuration only, like a bot with no beans of its own. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class BenchmarkApplication {}

  /** The application's listener bean. */
  static final class MessageListener {
    private final EventCounter counter;
    private final boolean typed;

    MessageListener(EventCounter counter, boolean typed) {
      this.counter = counter;
      this.typed = typed;
    }

    /**
     * Counts a MESSAGE_CREATE.
     *
     * @param event the event
     */
    @EventListener
    public void onMessage(MessageCreateEvent event) {
      if (typed ? event.message().content() == null : event.sequence() < 0) {
        throw new IllegalStateException("unexpected event");
      }
      counter.onEvent(0);
    }
  }
}
