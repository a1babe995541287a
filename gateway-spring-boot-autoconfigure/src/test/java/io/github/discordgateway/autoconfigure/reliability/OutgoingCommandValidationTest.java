package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.BotActivity;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.RequestGuildMembers;
import io.github.discordgateway.core.protocol.UpdatePresence;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Commands that Discord would refuse (or that this process cannot route) are rejected locally with
 * a clear exception, and nothing reaches the gateway: the fake receives no command and closes no
 * connection.
 */
class OutgoingCommandValidationTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** This process runs shard 0 of 2; guild 1 belongs to shard 1. */
  private static final List<FakeGuild> GUILDS = Reliability.guildPerShard(2);

  private static final long OWN_GUILD = Long.parseUnsignedLong(GUILDS.get(0).id());
  private static final long FOREIGN_GUILD = Long.parseUnsignedLong(GUILDS.get(1).id());

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "a presence over 4096 bytes",
            GatewayException.Kind.PAYLOAD_TOO_LARGE,
            "4096",
            (Function<DiscordGateway, CompletableFuture<?>>)
                gateway ->
                    gateway.updatePresence(
                        PresenceStatus.ONLINE, BotActivity.custom("x".repeat(5_000)))),
        Arguments.of(
            "a member request with a nonce over 32 bytes",
            GatewayException.Kind.INVALID_COMMAND,
            "nonce",
            (Function<DiscordGateway, CompletableFuture<?>>)
                gateway ->
                    gateway.requestGuildMembers(
                        new RequestGuildMembers(OWN_GUILD, "", 0, null, null, "n".repeat(33)))),
        Arguments.of(
            "a presence with an invalid status",
            GatewayException.Kind.INVALID_COMMAND,
            "busy",
            (Function<DiscordGateway, CompletableFuture<?>>)
                gateway -> gateway.updatePresence(UpdatePresence.of("busy"))),
        Arguments.of(
            "a voice state for a guild of a shard this process does not run",
            GatewayException.Kind.INVALID_COMMAND,
            "belongs to shard 1",
            (Function<DiscordGateway, CompletableFuture<?>>)
                gateway -> gateway.updateVoiceState(FOREIGN_GUILD, null, false, false)),
        Arguments.of(
            "a member request for a guild of a shard this process does not run",
            GatewayException.Kind.INVALID_COMMAND,
            "belongs to shard 1",
            (Function<DiscordGateway, CompletableFuture<?>>)
                gateway -> gateway.requestGuildMembers(FOREIGN_GUILD, "a", 10, false)));
  }

  private ApplicationContextRunner runner(FakeDiscordGateway gateway) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
        .withPropertyValues(
            "discord.gateway.url=" + gateway.gatewayUrl(),
            "discord.gateway.api-url=" + gateway.apiBaseUrl(),
            "discord.gateway.token=" + gateway.token(),
            "discord.gateway.shards.total=2",
            "discord.gateway.shards.ids=0");
  }

  @ParameterizedTest(name = "{0} is rejected locally and nothing is sent")
  @MethodSource("rejected")
  void invalidCommandIsRejectedLocallyAndNothingIsSent(
      String what,
      GatewayException.Kind kind,
      String message,
      Function<DiscordGateway, CompletableFuture<?>> command) {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().shards(2).guilds(GUILDS).start()) {
      runner(gateway)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                int before = gateway.recorder().payloads().size();

                Throwable failure =
                    catchThrowable(
                        () ->
                            command
                                .apply(context.getBean(DiscordGateway.class))
                                .get(5, TimeUnit.SECONDS));
                Throwable error =
                    failure instanceof ExecutionException ? failure.getCause() : failure;
                assertThat(error)
                    .as(what)
                    .isInstanceOfSatisfying(
                        GatewayException.class,
                        e -> {
                          assertThat(e.kind()).isEqualTo(kind);
                          assertThat(e.getMessage()).contains(message);
                        });

                // nothing but heartbeats reached the gateway, and it closed nothing
                await()
                    .during(Duration.ofMillis(300))
                    .atMost(WAIT)
                    .until(
                        () ->
                            gateway.recorder().payloads().stream()
                                .skip(before)
                                .allMatch(p -> p.op() == Opcode.HEARTBEAT.code()));
                assertThat(gateway.recorder().payloads(Opcode.PRESENCE_UPDATE)).isEmpty();
                assertThat(gateway.recorder().payloads(Opcode.VOICE_STATE_UPDATE)).isEmpty();
                assertThat(gateway.recorder().payloads(Opcode.REQUEST_GUILD_MEMBERS)).isEmpty();
                assertThat(gateway.recorder().serverCloseCodes()).isEmpty();
                assertThat(context.getBean(ShardManager.class).shard(0).orElseThrow().status())
                    .isEqualTo(ShardStatus.CONNECTED);
              });
    }
  }

  @Test
  void outOfRangeLargeThresholdFailsTheStartBeforeAnythingConnects() {
    try (FakeDiscordGateway gateway = FakeDiscordGateway.builder().shards(2).start()) {
      runner(gateway)
          .withPropertyValues("discord.gateway.large-threshold=251")
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("large-threshold must be between 50 and 250")
                    .hasMessageContaining("251");
              });
      assertThat(gateway.recorder().connectionCount()).isZero();
      assertThat(gateway.recorder().payloads()).isEmpty();
    }
  }
}
