package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.event.DispatchEvent;
import io.github.discordgateway.autoconfigure.event.DispatchEvents;
import io.github.discordgateway.autoconfigure.event.GuildCreateEvent;
import io.github.discordgateway.autoconfigure.event.GuildMembersChunkEvent;
import io.github.discordgateway.autoconfigure.event.InteractionCreateEvent;
import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import io.github.discordgateway.autoconfigure.event.PresenceUpdateEvent;
import io.github.discordgateway.autoconfigure.event.ReadyEvent;
import io.github.discordgateway.autoconfigure.event.ResumedEvent;
import io.github.discordgateway.autoconfigure.event.ShardConnectedEvent;
import io.github.discordgateway.autoconfigure.event.ShardLifecycleEvent;
import io.github.discordgateway.autoconfigure.event.ShardStateChangedEvent;
import io.github.discordgateway.autoconfigure.event.TypedDispatchEvent;
import io.github.discordgateway.autoconfigure.event.TypingStartEvent;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.core.testing.ExamplePayloads;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.spring.AutoConfigureFakeDiscordGateway;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(
    classes = GatewayEventsIntegrationTests.Bot.class,
    properties =
        "discord.gateway.intents=GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT,GUILD_PRESENCES,"
            + "GUILD_MESSAGE_TYPING")
@AutoConfigureFakeDiscordGateway(heartbeatIntervalMillis = 1000)
class GatewayEventsIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(10);

  @Autowired FakeDiscordGateway gateway;
  @Autowired Listeners listeners;
  @Autowired DiscordGatewayLifecycle lifecycle;

  @BeforeEach
  void connected() throws Exception {
    lifecycle.ready().get(10, TimeUnit.SECONDS);
  }

  @Test
  void listenerReceivesTypedMessageCreateAndTheConditionSelectsPing() {
    FakeGuild guild = gateway.config().guilds().get(0);
    gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(1), "hello there"));
    gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(2), "!ping"));

    await().atMost(WAIT).until(() -> listeners.pings.size() == 1);
    await().atMost(WAIT).until(() -> contents(listeners.messages).contains("hello there"));
    MessageCreateEvent ping = listeners.pings.get(0);
    assertThat(ping.message().content()).isEqualTo("!ping");
    assertThat(ping.message().author().id())
        .isEqualTo(Long.parseUnsignedLong(guild.members().get(2).id()));
    assertThat(ping.guildId()).isEqualTo(Long.parseUnsignedLong(guild.id()));
    assertThat(ping.shardId()).isZero();
    assertThat(ping.type()).isEqualTo("MESSAGE_CREATE");
    assertThat(ping.raw().json()).contains("!ping");
    await().atMost(WAIT).until(() -> listeners.asyncThreads.size() >= 2);
    assertThat(listeners.asyncThreads).noneMatch(name -> name.startsWith("discord-gateway-events"));
  }

  @Test
  void everyReadyGuildArrivesAsGuildCreateEvent() {
    await().atMost(WAIT).until(() -> !listeners.readies.isEmpty());
    ReadyEvent ready = listeners.readies.get(0);
    Set<Long> readyGuilds =
        ready.guilds().stream().map(UnavailableGuild::id).collect(Collectors.toSet());
    assertThat(readyGuilds).hasSize(gateway.config().guilds().size());
    await()
        .atMost(WAIT)
        .until(
            () ->
                listeners.guildCreates.stream()
                    .map(GuildCreateEvent::id)
                    .collect(Collectors.toSet())
                    .containsAll(readyGuilds));
    assertThat(listeners.guildCreates.get(0).guild().name())
        .isEqualTo(gateway.config().guilds().get(0).name());
    assertThat(listeners.lifecycle).anyMatch(ShardConnectedEvent.class::isInstance);
    assertThat(listeners.lifecycle)
        .anyMatch(
            e -> e instanceof ShardStateChangedEvent c && c.current() == ShardStatus.CONNECTED);
  }

  @Test
  void unknownEventNameArrivesAsPlainDispatchEvent() {
    gateway.dispatch(0, "FUTURE_FEATURE_UPDATE", "{\"answer\":42,\"guild_id\":\"1\"}");
    await().atMost(WAIT).until(() -> types(listeners.dispatches).contains("FUTURE_FEATURE_UPDATE"));
    DispatchEvent event =
        listeners.dispatches.stream()
            .filter(e -> e.type().equals("FUTURE_FEATURE_UPDATE"))
            .findFirst()
            .orElseThrow();
    assertThat(event.getClass()).isEqualTo(DispatchEvent.class);
    assertThat(event.known()).isFalse();
    assertThat(event.eventType()).isNull();
    assertThat(event.tree().get("answer").asInt()).isEqualTo(42);
    assertThat(event.sequence()).isPositive();
  }

  @Test
  void dispatchesOfAShardArriveInSequenceOrder() {
    FakeGuild guild = gateway.config().guilds().get(0);
    for (int i = 0; i < 100; i++) {
      gateway.dispatch(0, FakeEvents.messageCreate(guild, guild.members().get(0), "order-" + i));
    }
    await().atMost(WAIT).until(() -> contents(listeners.messages).contains("order-99"));
    List<Long> sequences = listeners.dispatches.stream().map(DispatchEvent::sequence).toList();
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void everyExamplePayloadArrivesAsItsTypedEventWithItsFieldsSet() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    int checked = 0;
    for (String file : ExamplePayloads.NAMES) {
      JsonNode example = mapper.readTree(ExamplePayloads.bytes(file));
      if (example.path("op").asInt(-1) != 0) {
        continue;
      }
      String type = example.get("t").asString();
      ObjectNode d = (ObjectNode) example.get("d").deepCopy();
      if (type.equals("READY")) {
        // the client takes the session of an unexpected READY: keep it the fake's session, so a
        // resume can never go to the example's (non-loopback) resume URL
        d.put("session_id", gateway.sessionId(0).orElseThrow());
        d.put("resume_gateway_url", gateway.resumeGatewayUrl());
      }
      long before = gateway.lastSequence(0);
      assertThat(gateway.dispatch(0, type, mapper.writeValueAsString(d))).as(type).isEqualTo(1);
      DispatchEvent event =
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      listeners.dispatches.stream()
                          .filter(e -> e.type().equals(type) && e.sequence() > before)
                          .findFirst()
                          .orElse(null),
                  e -> e != null);
      Class<?> expected =
          DispatchEvents.factory(EventType.valueOf(type))
              .create(this, 0, 0, event.raw())
              .getClass();
      assertThat(event).as(type).isInstanceOf(expected);
      Object payload = ((TypedDispatchEvent<?>) event).payload();
      assertThat(payload).as(type).isNotNull();
      assertFieldsSet(type, payload, d);
      checked++;
      switch (type) {
        case "MESSAGE_CREATE" -> {
          MessageCreateEvent message = (MessageCreateEvent) event;
          assertThat(message.message().content()).isEqualTo(d.get("content").asString());
          assertThat(message.message().referencedMessage()).isNotNull();
          assertThat(message.channelType()).isEqualTo(d.get("channel_type").asInt());
        }
        case "GUILD_CREATE" -> {
          GuildCreateEvent guild = (GuildCreateEvent) event;
          assertThat(guild.guild().name()).isEqualTo(d.get("name").asString());
          assertThat(guild.channels()).hasSize(d.get("channels").size());
          assertThat(guild.members()).hasSize(d.get("members").size());
        }
        case "READY" -> assertThat(((ReadyEvent) event).guilds()).hasSize(3);
        case "INTERACTION_CREATE" ->
            assertThat(((InteractionCreateEvent) event).interaction().id())
                .isEqualTo(Long.parseUnsignedLong(d.get("id").asString()));
        case "GUILD_MEMBERS_CHUNK" ->
            assertThat(((GuildMembersChunkEvent) event).notFound()).contains(123123L);
        case "PRESENCE_UPDATE" ->
            assertThat(((PresenceUpdateEvent) event).presence().activities())
                .hasSize(d.get("activities").size());
        case "TYPING_START" ->
            assertThat(((TypingStartEvent) event).timestamp())
                .isEqualTo(d.get("timestamp").asLong());
        case "RESUMED" -> assertThat(event).isInstanceOf(ResumedEvent.class);
        default -> {}
      }
    }
    assertThat(checked).isEqualTo(8);
  }

  /** Every record component whose JSON key has a non-null value must be set after decoding. */
  static void assertFieldsSet(String type, Object record, JsonNode d) {
    if (!record.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
      if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        assertThat(value).as(type + "." + component.getName()).isNotNull();
        assertFieldsSet(type, value, d);
        continue;
      }
      JsonNode json = d.get(snakeCase(component.getName()));
      if (json == null || json.isNull()) {
        continue;
      }
      assertThat(value).as(type + "." + component.getName()).isNotNull();
      if (json.isArray() && !json.isEmpty() && value instanceof Collection<?> list) {
        assertThat(list).as(type + "." + component.getName()).hasSize(json.size());
      }
    }
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  static List<String> types(List<DispatchEvent> events) {
    return events.stream().map(DispatchEvent::type).toList();
  }

  static List<String> contents(List<MessageCreateEvent> events) {
    return events.stream().map(e -> e.message().content()).toList();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @EnableAsync
  static class Bot {
    @Bean
    Listeners listeners() {
      return new Listeners();
    }

    @Bean
    AsyncListener asyncListener(Listeners listeners) {
      return new AsyncListener(listeners);
    }
  }

  /** Proxied for {@code @Async}, so it keeps its state in {@link Listeners}. */
  static class AsyncListener {
    private final Listeners listeners;

    AsyncListener(Listeners listeners) {
      this.listeners = listeners;
    }

    @Async
    @EventListener
    public void onMessageAsync(MessageCreateEvent event) {
      listeners.asyncThreads.add(Thread.currentThread().getName());
    }
  }

  static class Listeners {
    final List<DispatchEvent> dispatches = new CopyOnWriteArrayList<>();
    final List<MessageCreateEvent> messages = new CopyOnWriteArrayList<>();
    final List<MessageCreateEvent> pings = new CopyOnWriteArrayList<>();
    final List<ReadyEvent> readies = new CopyOnWriteArrayList<>();
    final List<GuildCreateEvent> guildCreates = new CopyOnWriteArrayList<>();
    final List<ShardLifecycleEvent<?>> lifecycle = new CopyOnWriteArrayList<>();
    final List<String> asyncThreads = new CopyOnWriteArrayList<>();

    @EventListener
    void onDispatch(DispatchEvent event) {
      dispatches.add(event);
    }

    @EventListener
    void onMessage(MessageCreateEvent event) {
      messages.add(event);
    }

    @EventListener(condition = "#event.message.content == '!ping'")
    void onPing(MessageCreateEvent event) {
      pings.add(event);
    }

    @EventListener
    void onReady(ReadyEvent event) {
      readies.add(event);
    }

    @EventListener
    void onGuildCreate(GuildCreateEvent event) {
      guildCreates.add(event);
    }

    @EventListener
    void onLifecycle(ShardLifecycleEvent<?> event) {
      lifecycle.add(event);
    }
  }
}
