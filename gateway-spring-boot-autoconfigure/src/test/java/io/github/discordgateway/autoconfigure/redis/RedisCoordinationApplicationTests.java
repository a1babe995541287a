package io.github.discordgateway.autoconfigure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.redis.RedisServerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter with {@code discord.gateway.coordination.redis.enabled=true}: an application that is
 * stopped and started again resumes every shard it owns, and its listeners see every event exactly
 * once.
 */
class RedisCoordinationApplicationTests {

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  /** Shaped like a Discord token, so that the bot id comes from it. */
  private static final String TOKEN = "MTA4NTEyODM3MDAwNzU3MjQ4MA.fake-secret-for-tests";

  private static final Duration WAIT = Duration.ofSeconds(20);

  private ApplicationContextRunner application(FakeDiscordGateway gateway) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataRedisAutoConfiguration.class,
                DiscordGatewayRedisAutoConfiguration.class,
                DiscordGatewayAutoConfiguration.class))
        .withPropertyValues(
            "discord.gateway.url=" + gateway.gatewayUrl(),
            "discord.gateway.api-url=" + gateway.apiBaseUrl(),
            "discord.gateway.token=" + TOKEN,
            "discord.gateway.shards.total=4",
            "discord.gateway.shards.max-concurrency=4",
            "discord.gateway.coordination.redis.enabled=true",
            "discord.gateway.coordination.redis.key-prefix=app-test:",
            "discord.gateway.coordination.redis.identify-window=1s",
            "discord.gateway.coordination.redis.timeout=5s",
            "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=" + REDIS.port());
  }

  @Test
  void aRestartedApplicationResumesEveryShardAndItsListenersMissNothing() throws Exception {
    Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    Map<Integer, Integer> unplannedDisconnects = new ConcurrentHashMap<>();
    GatewayEventListener recorder =
        event -> {
          // a zombie connection (an ACK later than the interval on a slow machine) or a close by
          // the other side: the shard resumes once more, legitimately
          if (event instanceof ShardDisconnected d
              && d.willResume()
              && (d.zombie() || !d.closedLocally())) {
            unplannedDisconnects.merge(d.shardId(), 1, Integer::sum);
          }
          if (event instanceof ShardDispatch d && d.eventType() == EventType.MESSAGE_CREATE) {
            handled
                .computeIfAbsent(d.data().tree().path("nonce").asLong(), n -> new AtomicInteger())
                .incrementAndGet();
          }
        };
    AtomicInteger sent = new AtomicInteger();
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder()
            .token(TOKEN)
            .heartbeatInterval(Duration.ofSeconds(1))
            .shards(4)
            .maxConcurrency(4)
            .identifyWindow(Duration.ofMillis(900))
            .start()) {
      application(gateway)
          .withBean("recorder", GatewayEventListener.class, () -> recorder)
          .run(
              context -> {
                assertThat(context).hasSingleBean(RedisSessionStore.class);
                context.getBean(DiscordGatewayLifecycle.class).ready().get(20, TimeUnit.SECONDS);
                send(gateway, sent, 40);
                await().atMost(WAIT).until(() -> handled.size() == sent.get());
              });
      // stopped: what Discord sends now waits for the resume
      send(gateway, sent, 40);

      application(gateway)
          .withBean("recorder", GatewayEventListener.class, () -> recorder)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(20, TimeUnit.SECONDS);
                send(gateway, sent, 40);
                await().atMost(WAIT).until(() -> handled.size() == sent.get());
              });

      for (int shard = 0; shard < 4; shard++) {
        assertThat(gateway.recorder().identifyCount(shard)).as("identifies of %d", shard).isOne();
        assertThat(gateway.recorder().resumeCount(shard))
            .as("resumes of %d", shard)
            .isBetween(1, 1 + unplannedDisconnects.getOrDefault(shard, 0));
      }
      assertThat(handled).hasSize(120);
      assertThat(handled.values()).allMatch(count -> count.get() == 1);
    }
  }

  private static void send(FakeDiscordGateway gateway, AtomicInteger sent, int count) {
    for (int i = 0; i < count; i++) {
      int n = sent.getAndIncrement();
      gateway.dispatch(
          n % 4, "MESSAGE_CREATE", "{\"id\":\"" + (1000 + n) + "\",\"nonce\":" + n + "}");
    }
  }
}
