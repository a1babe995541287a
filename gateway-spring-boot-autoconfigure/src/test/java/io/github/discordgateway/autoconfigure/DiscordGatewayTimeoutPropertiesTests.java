package io.github.discordgateway.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The time limits of commands and start waves ({@code discord.gateway.commands.timeout}, {@code
 * discord.gateway.shards.wave-timeout}) and the validation of every timeout property.
 */
class DiscordGatewayTimeoutPropertiesTests {

  /** Counts connection attempts, none of which ever opens: every shard stays connecting. */
  static final class NeverConnects implements GatewayTransport {
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public CompletableFuture<GatewayConnection> connect(
        URI uri, ConnectionHandler handler, Duration connectTimeout) {
      attempts.incrementAndGet();
      return new CompletableFuture<>();
    }
  }

  private final NeverConnects transport = new NeverConnects();

  // a fixed total with a gateway URL needs no REST call; the transport never reaches the URL
  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withBean(GatewayTransport.class, () -> transport)
          .withPropertyValues(
              "discord.gateway.token=" + DiscordGatewayAutoConfigurationTests.TOKEN,
              "discord.gateway.url=ws://127.0.0.1:9",
              "discord.gateway.auto-startup=false");

  @Test
  void aCommandWaitsForASessionOnlyAsLongAsCommandsTimeout() {
    contextRunner
        .withPropertyValues("discord.gateway.commands.timeout=300ms")
        .run(
            context -> {
              ShardManager manager = context.getBean(ShardManager.class);
              manager.start();
              CompletableFuture<Void> sent = manager.broadcast(UpdatePresence.of("idle"));
              // the default (30 s) would keep it waiting far longer than this
              await().atMost(Duration.ofSeconds(10)).until(sent::isDone);
              ExecutionException failure =
                  assertThrows(ExecutionException.class, () -> sent.get(1, TimeUnit.SECONDS));
              assertThat(failure.getCause())
                  .isInstanceOfSatisfying(
                      GatewayException.class,
                      ex -> {
                        assertThat(ex.kind()).isEqualTo(GatewayException.Kind.NOT_CONNECTED);
                        assertThat(ex.getMessage()).contains("PT0.3S");
                      });
            });
  }

  @Test
  void aShardThatCannotConnectHoldsTheNextWaveOnlyForTheWaveTimeout() {
    contextRunner
        .withPropertyValues(
            "discord.gateway.shards.total=2",
            "discord.gateway.shards.max-concurrency=1",
            "discord.gateway.shards.wave-timeout=300ms")
        .run(
            context -> {
              context.getBean(ShardManager.class).start();
              // shard 0 never connects; shard 1 starts once the wave timeout has passed (with
              // the default of 60 s, and a 10 s connect timeout, there would be one attempt)
              await().atMost(Duration.ofSeconds(8)).until(() -> transport.attempts.get() == 2);
            });
  }

  @Test
  void timeoutsMustBePositiveDurationsAndTheErrorNamesTheProperty() {
    String[][] cases = {
      {"discord.gateway.commands.timeout", "0s"},
      {"discord.gateway.shards.wave-timeout", "-1s"},
      {"discord.gateway.connection.rest-max-wait", "0s"},
      {"discord.gateway.commands.member-request-timeout", "0s"},
      {"discord.gateway.connection.hello-timeout", "-5s"},
    };
    for (String[] invalid : cases) {
      contextRunner
          .withPropertyValues(invalid[0] + "=" + invalid[1])
          .run(
              context -> {
                assertThat(context).hasFailed();
                DiscordGatewayConfigurationException ex = configurationFailure(context);
                assertThat(ex.property()).as(invalid[0]).isEqualTo(invalid[0]);
                assertThat(ex.getMessage())
                    .as(invalid[0])
                    .startsWith(invalid[0] + " must be a positive duration, but was ");
              });
    }
  }

  private static DiscordGatewayConfigurationException configurationFailure(
      AssertableApplicationContext context) {
    Throwable current = context.getStartupFailure();
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (current instanceof DiscordGatewayConfigurationException ex) {
        return ex;
      }
      current = current.getCause();
    }
    throw new AssertionError("No DiscordGatewayConfigurationException in the startup failure");
  }
}
