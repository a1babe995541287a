package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.core.session.SessionStore;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGatewayConfig;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * A shutdown (what SIGTERM does: the context closes) while events wait in the delivery queue: the
 * shard closes resumably, the session stays in the store, and the listener still gets every event
 * the client had read before the close.
 */
class ShutdownDrainTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A listener held on its first message until the context starts closing. */
  static class SlowListener {
    final CountDownLatch shutdownBegan = new CountDownLatch(1);
    final List<Long> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void onMessage(MessageCreateEvent event) throws InterruptedException {
      if (seen.isEmpty()) {
        shutdownBegan.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
      seen.add(event.sequence());
    }

    @EventListener
    void onClose(ContextClosedEvent event) {
      shutdownBegan.countDown();
    }
  }

  @Test
  void shutdownWhileEventsAreQueuedDeliversThemAllAndClosesResumably() {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(500)).start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.url=" + gateway.gatewayUrl(),
              "discord.gateway.api-url=" + gateway.apiBaseUrl(),
              "discord.gateway.token=" + gateway.token())
          .withBean(SlowListener.class)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                SlowListener listener = context.getBean(SlowListener.class);
                ShardManager manager = context.getBean(ShardManager.class);
                SessionStore store = context.getBean(SessionStore.class);
                FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
                long first = gateway.lastSequence(0) + 1;
                for (int i = 0; i < 20; i++) {
                  gateway.dispatch(
                      FakeEvents.messageCreate(guild, guild.members().get(0), "message " + i));
                }
                long last = gateway.lastSequence(0);
                // the client read all of them; all but the first wait behind the held listener
                await().atMost(WAIT).until(() -> manager.states().get(0).sequence() == last);

                context.close();

                assertThat(listener.seen)
                    .containsExactlyElementsOf(
                        LongStream.rangeClosed(first, last).boxed().toList());
                // the close frame leaves on the shard's send pool; the fake records it when it
                // arrives
                await().atMost(WAIT).until(() -> !gateway.recorder().clientCloseCodes().isEmpty());
                assertThat(gateway.recorder().clientCloseCodes()).doesNotContain(1000);
                assertThat(store.load(0, 1)).isPresent();
              });
    }
  }
}
