package io.github.discordgateway.autoconfigure.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.autoconfigure.event.view.MessageView;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated accessors of the hot events and of their views read single fields, and each returns
 * exactly what the same accessor of the whole payload record returns: for every example payload of
 * these events and for edge cases (absent, null, escaped and non-ASCII values, nested replies,
 * DMs).
 */
class LazyEventAccessorsTest {

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of(EventType.MESSAGE_CREATE, fixture("message_create.json")),
        Arguments.of(EventType.MESSAGE_UPDATE, fixture("message_create.json")),
        Arguments.of(EventType.PRESENCE_UPDATE, fixture("presence_update.json")),
        Arguments.of(EventType.TYPING_START, fixture("typing_start.json")),
        Arguments.of(EventType.INTERACTION_CREATE, fixture("interaction_create.json")),
        Arguments.of(EventType.MESSAGE_CREATE, "{}"),
        Arguments.of(
            EventType.MESSAGE_CREATE,
            "{\"id\":\"1\",\"channel_id\":\"2\",\"content\":\"dm \\\"quoted\\\" \\u00e9 \u00e9"
                + " \uD83D\uDE00\",\"author\":{\"id\":\"3\",\"username\":\"u\"},\"webhook_id\":\"4\","
                + "\"mentions\":[{\"id\":\"5\",\"username\":\"m\",\"member\":{\"roles\":[]}}]}"),
        Arguments.of(
            EventType.MESSAGE_UPDATE,
            "{\"id\":\"1\",\"channel_id\":\"2\",\"type\":19,\"guild_id\":\"6\","
                + "\"referenced_message\":{\"id\":\"7\",\"content\":\"original\"},\"content\":null}"),
        Arguments.of(EventType.MESSAGE_UPDATE, "{\"id\":\"1\",\"channel_id\":\"2\"}"),
        Arguments.of(
            EventType.GUILD_MEMBER_UPDATE,
            "{\"guild_id\":\"1\",\"roles\":[\"2\"],\"user\":{\"id\":\"3\",\"username\":\"u\"},"
                + "\"nick\":null,\"premium_since\":\"2026-12-02T04:40:42.295747+00:00\"}"),
        Arguments.of(EventType.GUILD_MEMBER_UPDATE, "{\"guild_id\":\"1\"}"),
        Arguments.of(
            EventType.MESSAGE_REACTION_ADD,
            "{\"user_id\":\"1\",\"channel_id\":\"2\",\"message_id\":\"3\",\"guild_id\":\"4\","
                + "\"emoji\":{\"id\":null,\"name\":\"\uD83D\uDD25\"},\"burst\":true,"
                + "\"burst_colors\":[\"#ffffff\"],\"type\":1,\"message_author_id\":\"5\"}"),
        Arguments.of(EventType.TYPING_START, "{\"channel_id\":\"1\",\"user_id\":\"2\"}"),
        Arguments.of(EventType.PRESENCE_UPDATE, "{\"user\":{\"id\":\"1\"},\"status\":\"idle\"}"),
        Arguments.of(
            EventType.INTERACTION_CREATE,
            "{\"id\":\"1\",\"application_id\":\"2\",\"type\":2,\"token\":\"t\","
                + "\"user\":{\"id\":\"3\",\"username\":\"u\"}}"));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void everyAccessorReturnsWhatTheWholePayloadHolds(EventType type, String json) throws Exception {
    TypedDispatchEvent<?> lazy = DispatchEvents.factory(type).create(this, 0, 1, RawJson.of(json));
    Object whole = RawJson.of(json).decode(lazy.payloadType());

    for (Method accessor : accessors(lazy.getClass(), TypedDispatchEvent.class)) {
      Object actual = accessor.invoke(lazy);
      Object expected = invoke(whole, recordName(accessor));
      assertSameContent(accessor.toString(), actual, expected);
    }
    assertThat(lazy.payload()).isEqualTo(whole);
  }

  @Test
  void aListenerThatReadsTheContentGetsItWithoutTheWholeMessage() {
    MessageCreateEvent event =
        new MessageCreateEvent(
            this,
            0,
            1,
            RawJson.of("{\"id\":\"not a snowflake\",\"content\":\"!ping\",\"guild_id\":\"9\"}"));

    MessageView message = event.message();

    assertThat(message.content()).isEqualTo("!ping");
    assertThat(event.guildId()).isEqualTo(9L);
    assertThatThrownBy(message::id)
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR))
        .hasMessageContaining("MessageCreate")
        .hasMessageContaining("message.id");
    assertThatThrownBy(message::toMessage).isInstanceOf(GatewayException.class);
  }

  @Test
  void viewsAreEqualWhenTheirRecordsAre() {
    String json = fixture("message_create.json");
    MessageView one = new MessageCreateEvent(this, 0, 1, RawJson.of(json)).message();
    MessageView two = new MessageCreateEvent(this, 0, 2, RawJson.of(json)).message();

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one.toString()).isEqualTo(one.toMessage().toString());
    assertThat(one).isNotEqualTo(one.toMessage());
  }

  private static void assertSameContent(String what, Object actual, Object expected)
      throws Exception {
    if (actual == null || !actual.getClass().getPackageName().endsWith(".event.view")) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    for (Method accessor : accessors(actual.getClass(), Object.class)) {
      if (accessor.getName().startsWith("to")) {
        continue;
      }
      assertThat(accessor.invoke(actual))
          .as("%s.%s", what, accessor.getName())
          .isEqualTo(invoke(expected, accessor.getName()));
    }
    assertThat(invoke(actual, "to" + expected.getClass().getSimpleName())).isEqualTo(expected);
  }

  /** The public instance methods without parameters a class declares, by name. */
  private static Method[] accessors(Class<?> type, Class<?> base) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0)
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !Arrays.asList("hashCode", "toString").contains(m.getName()))
        .filter(m -> m.getDeclaringClass() != base)
        .sorted(Comparator.comparing(Method::getName))
        .toArray(Method[]::new);
  }

  private static String recordName(Method accessor) {
    return accessor.getName().equals("reactionType") ? "type" : accessor.getName();
  }

  private static Object invoke(Object target, String method) throws Exception {
    try {
      Method m = target.getClass().getMethod(method);
      return m.invoke(target);
    } catch (NoSuchMethodException e) {
      // an object payload's accessor (presence(), interaction()) is the record itself
      return target;
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static String fixture(String name) {
    byte[] envelope = ExamplePayloads.bytes(name);
    Envelope decoded = EnvelopeDecoder.decode(envelope, 0, envelope.length);
    return decoded.data().json();
  }
}
