package io.github.discordgateway.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.DispatchEvent;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetricsAutoConfiguration;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGatewayConfig;
import io.github.discordgateway.test.FakeGuild;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Listeners that throw: a Spring {@code @EventListener} on every event, or a listener decoding a
 * malformed typed payload. The shard logs each failure with the event type and sequence, stays
 * connected, and keeps delivering the following events.
 */
@ExtendWith(OutputCaptureExtension.class)
class ThrowingEventListenerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** An application listener that throws on every event. */
  static class Listeners {
    final List<DispatchEvent> seenByFailing = new CopyOnWriteArrayList<>();

    @EventListener
    void failsOnEveryEvent(DispatchEvent event) {
      seenByFailing.add(event);
      throw new IllegalStateException("a bug in the bot's listener");
    }
  }

  private ApplicationContextRunner runner(FakeDiscordGateway gateway) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
        .withPropertyValues(
            "discord.gateway.url=" + gateway.gatewayUrl(),
            "discord.gateway.api-url=" + gateway.apiBaseUrl(),
            "discord.gateway.token=" + gateway.token())
        .withBean(Listeners.class);
  }

  @Test
  void listenerThatThrowsOnEveryEventIsLoggedWithTypeAndSequenceAndDeliveryGoesOn(
      CapturedOutput output) {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(500)).start()) {
      runner(gateway)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                Listeners listeners = context.getBean(Listeners.class);
                FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
                for (int i = 1; i <= 5; i++) {
                  gateway.dispatch(
                      FakeEvents.messageCreate(guild, guild.members().get(0), "message " + i));
                }
                long lastSeq = gateway.lastSequence(0);
                await()
                    .atMost(WAIT)
                    .until(
                        () ->
                            listeners.seenByFailing.stream()
                                .anyMatch(e -> e.sequence() == lastSeq));
                // every event reached the failing listener, in order, once
                assertThat(listeners.seenByFailing)
                    .extracting(DispatchEvent::sequence)
                    .isSorted()
                    .doesNotHaveDuplicates()
                    .hasSize((int) lastSeq);
                // each failure is logged with the event type and its sequence
                await()
                    .atMost(WAIT)
                    .untilAsserted(
                        () ->
                            assertThat(output)
                                .contains("listener failed on READY (seq 1)")
                                .contains("listener failed on MESSAGE_CREATE (seq " + lastSeq + ")")
                                .contains("a bug in the bot's listener"));
                // the shard stays connected on its first connection, and later events arrive
                ShardManager manager = context.getBean(ShardManager.class);
                assertThat(manager.shard(0).orElseThrow().status())
                    .isEqualTo(ShardStatus.CONNECTED);
                gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(1), "later"));
                await()
                    .atMost(WAIT)
                    .until(() -> listeners.seenByFailing.size() == (int) lastSeq + 1);
                assertThat(gateway.recorder().connectionCount()).isOne();
                assertThat(gateway.recorder().clientCloseCodes()).isEmpty();
              });
    }
  }

  /** Two listeners of every dispatch: the first throws, the second must still see each event. */
  static class OrderedListeners {
    final List<Long> seenAfterFailure = new CopyOnWriteArrayList<>();

    @EventListener
    @Order(1)
    void throwsFirst(MessageCreateEvent event) {
      throw new IllegalStateException("the first listener's bug");
    }

    @EventListener
    @Order(2)
    void runsSecond(MessageCreateEvent event) {
      seenAfterFailure.add(event.sequence());
    }

    @EventListener
    void throwsOnApplicationEvent(PayloadApplicationEvent<String> event) {
      throw new IllegalStateException("an application event's listener failed");
    }
  }

  @Test
  void listenerAfterAThrowingListenerStillGetsEveryEventAndTheErrorIsCountedByType(
      CapturedOutput output) {
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(500)).start()) {
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DiscordGatewayAutoConfiguration.class,
                  DiscordGatewayMetricsAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.url=" + gateway.gatewayUrl(),
              "discord.gateway.api-url=" + gateway.apiBaseUrl(),
              "discord.gateway.token=" + gateway.token())
          .withBean(SimpleMeterRegistry.class)
          .withBean(OrderedListeners.class)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                OrderedListeners listeners = context.getBean(OrderedListeners.class);
                FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
                List<Long> sent = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                  gateway.dispatch(
                      FakeEvents.messageCreate(guild, guild.members().get(0), "message " + i));
                  sent.add(gateway.lastSequence(0));
                }
                await().atMost(WAIT).until(() -> listeners.seenAfterFailure.size() == 3);
                assertThat(listeners.seenAfterFailure).containsExactlyElementsOf(sent);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(
                        registry
                            .get("discord.gateway.listener.errors")
                            .tag("type", "MESSAGE_CREATE")
                            .counter()
                            .count())
                    .isEqualTo(3.0);
                await()
                    .atMost(WAIT)
                    .untilAsserted(
                        () ->
                            assertThat(output)
                                .contains("listener failed on MESSAGE_CREATE (seq " + sent.get(2))
                                .contains("the first listener's bug"));
                // the application's own events keep Spring's behaviour: the error reaches the
                // caller
                assertThatThrownBy(() -> context.publishEvent("not a gateway event"))
                    .hasMessageContaining("an application event's listener failed");
              });
    }
  }

  /**
   * Listeners of one malformed event: a core listener bean that decodes it fails, a core listener
   * bean and a Spring {@code @EventListener} that read it raw both get it. (Spring's own
   * multicaster stops an event at the first synchronous {@code @EventListener} that throws, unless
   * the application gives it an {@code ErrorHandler}; the core listeners are isolated from each
   * other by the starter.)
   */
  static class RawListeners {
    final List<DispatchEvent> springSaw = new CopyOnWriteArrayList<>();

    @EventListener
    void records(DispatchEvent event) {
      springSaw.add(event);
    }
  }

  @Test
  void malformedTypedPayloadFailsOnlyTheListenerThatDecodesIt(CapturedOutput output) {
    List<String> decoded = new CopyOnWriteArrayList<>();
    List<GatewayException> decodeErrors = new CopyOnWriteArrayList<>();
    List<Long> rawSeen = new CopyOnWriteArrayList<>();
    GatewayEventListener decoding =
        event -> {
          if (event instanceof ShardDispatch d && "MESSAGE_CREATE".equals(d.type())) {
            try {
              decoded.add(d.data().decode(MessageCreate.class).message().content());
            } catch (GatewayException e) {
              decodeErrors.add(e);
              throw e;
            }
          }
        };
    GatewayEventListener raw =
        event -> {
          if (event instanceof ShardDispatch d) {
            rawSeen.add(d.sequence());
          }
        };
    try (FakeDiscordGateway gateway =
        FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(500)).start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.url=" + gateway.gatewayUrl(),
              "discord.gateway.api-url=" + gateway.apiBaseUrl(),
              "discord.gateway.token=" + gateway.token())
          .withBean(RawListeners.class)
          .withBean("decoding", GatewayEventListener.class, () -> decoding)
          .withBean("raw", GatewayEventListener.class, () -> raw)
          .run(
              context -> {
                context.getBean(DiscordGatewayLifecycle.class).ready().get(10, TimeUnit.SECONDS);
                RawListeners spring = context.getBean(RawListeners.class);
                FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
                gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "one"));
                // known fields with the wrong types: the author is a number, content an array
                gateway.dispatch(
                    0,
                    "MESSAGE_CREATE",
                    "{\"id\":\"1\",\"channel_id\":\"2\",\"author\":42,\"content\":[1,2],"
                        + "\"mentions\":\"nobody\",\"timestamp\":false}");
                long malformedSeq = gateway.lastSequence(0);
                gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "three"));
                long lastSeq = gateway.lastSequence(0);
                await().atMost(WAIT).until(() -> rawSeen.contains(lastSeq));
                await()
                    .atMost(WAIT)
                    .until(() -> spring.springSaw.stream().anyMatch(e -> e.sequence() == lastSeq));
                assertThat(decoded).containsExactly("one", "three");
                assertThat(decodeErrors)
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR);
                          assertThat(e.getMessage()).contains("MessageCreate");
                        });
                // the malformed event reached the other listeners, once, in order
                assertThat(rawSeen).doesNotHaveDuplicates().isSorted().contains(malformedSeq);
                assertThat(spring.springSaw)
                    .filteredOn(e -> e.sequence() == malformedSeq)
                    .singleElement()
                    .satisfies(e -> assertThat(e.tree().path("author").asInt()).isEqualTo(42));
                await()
                    .atMost(WAIT)
                    .untilAsserted(
                        () ->
                            assertThat(output)
                                .contains(
                                    "listener failed on MESSAGE_CREATE (seq "
                                        + malformedSeq
                                        + ")"));
                assertThat(context.getBean(ShardManager.class).shard(0).orElseThrow().status())
                    .isEqualTo(ShardStatus.CONNECTED);
                assertThat(gateway.recorder().connectionCount()).isOne();
              });
    }
  }
}
