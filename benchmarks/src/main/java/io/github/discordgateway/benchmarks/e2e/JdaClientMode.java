package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.core.codec.Compression;
import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA (the most used JVM Discord library) on the same fake and the same stream, for comparison: a
 * light JDA (no member cache, no chunking) whose listener reads each message's raw content, as
 * {@code spring-typed} reads {@code event.message().content()}. JDA brings its own transport
 * (nv-websocket-client); its REST base URL and gateway URL point at the fake. Its shard must know
 * the guild of the streamed messages (JDA ignores messages of unknown guilds), so the fake is
 * started with one guild per shard that the stream uses.
 */
final class JdaClientMode implements ClientMode {

  @Override
  public String name() {
    return "jda";
  }

  @Override
  public Client connect(Target target, EventCounter counter) throws Exception {
    if (target.shardId() < 0) {
      throw new IllegalArgumentException("the jda mode connects one shard");
    }
    URI gateway = URI.create(target.gatewayUrl());
    String rest = "http://" + gateway.getHost() + ":" + gateway.getPort() + "/api/v10/";
    JDA jda =
        JDABuilder.createLight(
                target.token(),
                EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT))
            .setRestConfig(new RestConfig().setBaseUrl(rest))
            .setSessionController(
                new SessionControllerAdapter() {
                  @Override
                  public String getGateway() {
                    return target.gatewayUrl();
                  }
                })
            .useSharding(target.shardId(), target.totalShards())
            .setCompression(
                target.compression() == Compression.NONE
                    ? net.dv8tion.jda.api.utils.Compression.NONE
                    : net.dv8tion.jda.api.utils.Compression.ZLIB)
            .setChunkingFilter(ChunkingFilter.NONE)
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .addEventListeners(
                new ListenerAdapter() {
                  @Override
                  public void onMessageReceived(MessageReceivedEvent event) {
                    if (event.getMessage().getContentRaw().isEmpty()) {
                      throw new IllegalStateException("no content");
                    }
                    counter.onEvent(System.nanoTime());
                  }
                })
            .build();
    try {
      // bounded: a JDA that cannot connect would otherwise wait forever
      CompletableFuture.runAsync(
              () -> {
                try {
                  jda.awaitReady();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              })
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      jda.shutdownNow();
      throw e;
    }
    return () -> {
      jda.shutdownNow();
      try {
        jda.awaitShutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
