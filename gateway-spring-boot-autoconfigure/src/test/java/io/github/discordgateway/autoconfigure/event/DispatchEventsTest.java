package io.github.discordgateway.autoconfigure.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.ShardConnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.model.event.DispatchPayloads;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.protocol.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

class DispatchEventsTest {

  static final String MESSAGE =
      "{\"id\":\"1534902599319433228\",\"channel_id\":\"1\",\"guild_id\":\"2\","
          + "\"author\":{\"id\":\"3\",\"username\":\"a\"},\"content\":\"!ping\","
          + "\"timestamp\":\"2026-08-06T12:34:56.789000+00:00\",\"type\":0,\"future_field\":7}";

  @Test
  void everyEventTypeHasAFinalEventClassNamedAfterItWithItsPayloadType() {
    for (EventType type : EventType.values()) {
      TypedDispatchEvent<?> event =
          DispatchEvents.factory(type).create(this, 3, 9, RawJson.of("{}"));
      String expected =
          Arrays.stream(type.name().split("_"))
                  .map(p -> p.charAt(0) + p.substring(1).toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining())
              + "Event";
      assertThat(event.getClass().getSimpleName()).isEqualTo(expected);
      assertThat(java.lang.reflect.Modifier.isFinal(event.getClass().getModifiers())).isTrue();
      assertThat(event.eventType()).isEqualTo(type);
      assertThat(event.type()).isEqualTo(type.name());
      assertThat(event.payloadType()).isEqualTo(DispatchPayloads.payloadType(type));
      assertThat(event.shardId()).isEqualTo(3);
      assertThat(event.sequence()).isEqualTo(9);
    }
    assertThat(EventType.values()).hasSize(79);
  }

  @Test
  void payloadIsDecodedOnFirstUseAndOnlyOnce() {
    RawJson raw = RawJson.of(MESSAGE);
    MessageCreateEvent event = new MessageCreateEvent(this, 0, 1, raw);
    MessageCreate first = event.payload();
    assertThat(event.payload()).isSameAs(first);
    assertThat(event.message().toMessage()).isSameAs(first.message());
    assertThat(event.message().content()).isEqualTo("!ping");
    assertThat(event.guildId()).isEqualTo(2L);
    assertThat(event.tree().get("future_field").asInt()).isEqualTo(7);
  }

  @Test
  void undecodablePayloadFailsOnlyWhenRead() {
    MessageCreateEvent event =
        new MessageCreateEvent(this, 0, 1, RawJson.of("{\"id\":\"not-a-snowflake\"}"));
    assertThat(event.type()).isEqualTo("MESSAGE_CREATE");
    assertThat(event.message().content()).isNull();
    assertThatThrownBy(() -> event.message().id())
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR));
  }

  @Test
  void spelReadsRecordStyleAccessors() {
    MessageCreateEvent event = new MessageCreateEvent(this, 0, 1, RawJson.of(MESSAGE));
    StandardEvaluationContext context = new StandardEvaluationContext();
    context.setVariable("event", event);
    Boolean matches =
        new SpelExpressionParser()
            .parseExpression("#event.message.content == '!ping' and #event.shardId == 0")
            .getValue(context, Boolean.class);
    assertThat(matches).isTrue();
  }

  @Test
  void bridgePublishesOneEventPerDispatchAndLifecycleEvents() {
    List<Object> published = new ArrayList<>();
    ApplicationEventBridge bridge = new ApplicationEventBridge(published::add, "source");
    List<ShardEvent> events =
        List.of(
            new ShardDispatch(
                0, 1, "MESSAGE_CREATE", EventType.MESSAGE_CREATE, RawJson.of(MESSAGE), 0),
            new ShardDispatch(0, 2, "NOT_YET_KNOWN", null, RawJson.of("{}"), 0),
            new ShardConnected(0, 3),
            new ShardFatal(
                0, 4004, new GatewayException(GatewayException.Kind.AUTHENTICATION_FAILED, "x")));
    events.forEach(bridge::onEvent);
    assertThat(published)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "MessageCreateEvent", "DispatchEvent", "ShardConnectedEvent", "ShardFatalEvent");
    assertThat(((DispatchEvent) published.get(1)).known()).isFalse();
    assertThat(((ShardConnectedEvent) published.get(2)).guildCount()).isEqualTo(3);
    assertThat(((DispatchEvent) published.get(0)).getSource()).isEqualTo("source");
  }
}
