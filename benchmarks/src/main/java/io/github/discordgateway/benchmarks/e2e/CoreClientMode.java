package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardManagerBuilder;
import io.github.discordgateway.core.transport.jdk.JdkWebSocketTransport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * The library as an application uses it without Spring: a {@link ShardManager} and a core {@link
 * GatewayEventListener}. {@code core} counts each MESSAGE_CREATE without touching its payload;
 * {@code core-typed} also decodes it to {@link MessageCreate}; {@code core-jdk} is {@code core}
 * over the JDK's WebSocket client ({@link JdkWebSocketTransport}, one per client) instead of the
 * benchmark's shared transport.
 */
final class CoreClientMode implements ClientMode {

  private final boolean typed;
  private final boolean jdk;

  CoreClientMode(boolean typed, boolean jdk) {
    this.typed = typed;
    this.jdk = jdk;
  }

  @Override
  public String name() {
    return typed ? "core-typed" : jdk ? "core-jdk" : "core";
  }

  @Override
  public Client connect(Target target, EventCounter counter) throws Exception {
    if (!jdk) {
      return connectOver(target, counter);
    }
    JdkWebSocketTransport transport = new JdkWebSocketTransport(16 << 20, Duration.ofSeconds(10));
    Client client;
    try {
      client =
          connectOver(
              new Target(
                  target.gatewayUrl(),
                  target.token(),
                  target.compression(),
                  transport,
                  target.totalShards(),
                  target.maxConcurrency(),
                  target.shardId()),
              counter);
    } catch (Exception e) {
      transport.close();
      throw e;
    }
    return () -> {
      client.close();
      transport.close();
    };
  }

  private Client connectOver(Target target, EventCounter counter) throws Exception {
    GatewayEventListener listener =
        event -> {
          if (event instanceof ShardDispatch dispatch
              && dispatch.eventType() == EventType.MESSAGE_CREATE) {
            if (typed && dispatch.data().decode(MessageCreate.class).channelId() == 0) {
              throw new IllegalStateException("no channel");
            }
            counter.onEvent(dispatch.receivedNanos());
          }
        };
    ShardManager manager = build(target, listener);
    try {
      manager
          .start()
          .get(60 + 6L * target.totalShards() / target.maxConcurrency(), TimeUnit.SECONDS);
    } catch (Exception e) {
      manager.close();
      throw e;
    }
    return manager::close;
  }

  /** Builds the manager the way an application would. */
  static ShardManager build(Target target, GatewayEventListener listener) {
    ShardManagerBuilder builder =
        ShardManager.builder(settings(target), target.transport())
            .gatewayUrl(target.gatewayUrl())
            .totalShards(target.totalShards())
            .maxConcurrency(target.maxConcurrency())
            .listener(listener);
    if (target.shardId() >= 0) {
      builder.shardIds(Integer.toString(target.shardId()));
    }
    return builder.build();
  }

  static GatewaySettings settings(Target target) {
    return GatewaySettings.builder(target.token())
        .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.MESSAGE_CONTENT))
        .compression(target.compression())
        .build();
  }
}
