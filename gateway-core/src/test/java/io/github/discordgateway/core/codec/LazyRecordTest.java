package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.codec.internal.ReusableJsonParser;
import io.github.discordgateway.core.model.Interaction;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.event.GuildMemberUpdate;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.model.event.MessageReactionAdd;
import io.github.discordgateway.core.model.event.MessageUpdate;
import io.github.discordgateway.core.model.event.TypingStart;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a record one component at a time gives exactly the components of the whole decode, for
 * every example payload of the hot events and for the edge cases of the binder, indexes the keys
 * once, and reports a value it cannot decode by type and field.
 */
class LazyRecordTest {

  private static final LazyRecord.Component<MessageCreate, Message> MESSAGE =
      LazyRecord.Component.of(MessageCreate.class, "message");
  private static final LazyRecord.Component<MessageCreate, Long> GUILD_ID =
      LazyRecord.Component.of(MessageCreate.class, "guildId");
  private static final LazyRecord.Component<MessageCreate, Member> MEMBER =
      LazyRecord.Component.of(MessageCreate.class, "member");
  private static final LazyRecord.Component<Message, String> CONTENT =
      LazyRecord.Component.of(Message.class, "content");
  private static final LazyRecord.Component<Message, Long> ID =
      LazyRecord.Component.of(Message.class, "id");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "message_create.json",
        "presence_update.json",
        "typing_start.json",
        "interaction_create.json"
      })
  void everyComponentOfAnExamplePayloadEqualsTheWholeDecode(String file) {
    byte[] envelope = ExamplePayloads.bytes(file);
    Envelope decoded = EnvelopeDecoder.decode(envelope, 0, envelope.length);
    Class<?> type =
        switch (file) {
          case "message_create.json" -> MessageCreate.class;
          case "presence_update.json" -> Presence.class;
          case "typing_start.json" -> TypingStart.class;
          default -> Interaction.class;
        };

    assertEveryComponentEqualsTheWholeDecode(type, decoded.data().bytes());
    if (type == MessageCreate.class) {
      assertEveryComponentEqualsTheWholeDecode(MessageUpdate.class, decoded.data().bytes());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        " { } ",
        "{\"id\":\"1\",\"content\":null,\"mentions\":null,\"referenced_message\":null,"
            + "\"guild_id\":null,\"member\":null,\"tts\":null,\"flags\":null,\"author\":null}",
        "{\"content\":\"line\\nbreak \\\"quoted\\\" \\u00e9 \\\\ end\",\"channel_id\":\"7\"}",
        "{\"content\":\"h\u00e9llo \uD83D\uDE00 w\u00f6rld, a little longer than eight\"}",
        "{\"content\":\"short\",\"nonce\":12345,\"type\":0,\"pinned\":true}",
        "{\"content\":\"dm\",\"author\":{\"id\":\"5\",\"username\":\"a\"},\"channel_type\":1}",
        "{\"content\":\"first\",\"guild_id\":\"1\",\"content\":\"second\",\"guild_id\":\"2\"}",
        "{\"con\\u0074ent\":\"escaped key\"}",
        "{\"content\":\"reply\",\"type\":19,\"referenced_message\":{\"id\":\"3\","
            + "\"content\":\"original \\\"quoted\\\"\",\"mentions\":[{\"id\":\"4\"}]},"
            + "\"mentions\":[],\"mention_roles\":[\"9\",\"10\"]}",
        "{\"unknown\":{\"a\":[1,2,{\"b\":\"}]\"}]},\"content\":\"after nesting\",\"x\":-1.5e3}",
        "{\n  \"content\" : \"spaced\" ,\n  \"guild_id\" : \"42\"\n}\n"
      })
  void everyComponentOfAnEdgeCaseEqualsTheWholeDecode(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    assertEveryComponentEqualsTheWholeDecode(MessageCreate.class, bytes);
    assertEveryComponentEqualsTheWholeDecode(MessageUpdate.class, bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"guild_id\":\"1\",\"nick\":null,\"premium_since\":null,\"roles\":null}",
        "{\"guild_id\":\"1\",\"nick\":\"n\",\"roles\":[\"2\"],"
            + "\"communication_disabled_until\":\"2026-12-02T04:40:42.295747+00:00\","
            + "\"user\":{\"id\":\"3\",\"username\":\"u\"},\"deaf\":false,\"flags\":2}"
      })
  void possibleComponentsKeepAbsentAndNullApart(String json) {
    assertEveryComponentEqualsTheWholeDecode(
        GuildMemberUpdate.class, json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"user_id\":\"1\",\"channel_id\":\"2\",\"message_id\":\"3\",\"emoji\":{\"name\":\"x\"}}",
        "{\"user_id\":\"1\",\"burst\":true,\"burst_colors\":[\"#ffffff\",null],\"type\":1}"
      })
  void reactionComponentsEqualTheWholeDecode(String json) {
    assertEveryComponentEqualsTheWholeDecode(
        MessageReactionAdd.class, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readingMoreComponentsIndexesTheKeysOnceAndKeepsEachValue() {
    LazyRecord<MessageCreate> event = LazyRecord.of(messageCreateData(), MessageCreate.class);
    LazyRecord<Message> message = event.unwrapped(MESSAGE);

    String content = message.get(CONTENT);
    assertThat(event.indexPasses()).isEqualTo(1);
    Member member = event.get(MEMBER);
    Long guildId = event.get(GUILD_ID);
    message.get(ID);

    assertThat(event.indexPasses()).isEqualTo(1);
    assertThat(message.get(CONTENT)).isSameAs(content);
    assertThat(event.get(MEMBER)).isSameAs(member);
    assertThat(guildId).isEqualTo(573544236423708672L);
    assertThat(event.unwrapped(MESSAGE)).isSameAs(message);
    assertThat(event.decodedWhole()).isFalse();
  }

  @Test
  void afterTheWholeDecodeComponentsComeFromTheRecord() {
    LazyRecord<MessageCreate> event = LazyRecord.of(messageCreateData(), MessageCreate.class);

    MessageCreate whole = event.record();

    assertThat(event.get(MEMBER)).isSameAs(whole.member());
    assertThat(event.unwrapped(MESSAGE).get(CONTENT)).isSameAs(whole.message().content());
    assertThat(event.unwrapped(MESSAGE).record()).isSameAs(whole.message());
    assertThat(event.indexPasses()).isZero();
  }

  @Test
  void aValueThatCannotBeDecodedIsADecodeErrorNamingTheTypeAndTheField() {
    LazyRecord<MessageCreate> event =
        LazyRecord.of(
            RawJson.of("{\"id\":\"not a snowflake\",\"content\":\"fine\"}"), MessageCreate.class);
    LazyRecord<Message> message = event.unwrapped(MESSAGE);

    assertThat(message.get(CONTENT)).isEqualTo("fine");
    assertThatThrownBy(() -> message.get(ID))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR))
        .hasMessageContaining("MessageCreate")
        .hasMessageContaining("message.id")
        .hasMessageContaining("\"id\"");
    assertThatThrownBy(event::record)
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"content\":\"x\",}",
        "{\"content\":\"x\"",
        "{\"content\":\"x\"} trailing",
        "{\"content\" \"x\"}",
        "{\"a\":[1,2},\"content\":\"x\"}",
        "[1,2]",
        "{\"content\":\"raw \u0001 control\"}"
      })
  void malformedJsonFailsAsTheWholeDecodeFails(String json) {
    LazyRecord<MessageCreate> event = LazyRecord.of(RawJson.of(json), MessageCreate.class);

    assertThatThrownBy(() -> event.unwrapped(MESSAGE).get(CONTENT))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR));
    assertThatThrownBy(() -> RawJson.of(json).decode(MessageCreate.class))
        .isInstanceOf(GatewayException.class);
  }

  @Test
  void contentThatIsNotUtf8FailsAsTheWholeDecodeFails() {
    byte[] json = "{\"content\":\"bad \u00ff byte\"}".getBytes(StandardCharsets.ISO_8859_1);
    LazyRecord<MessageCreate> event = LazyRecord.of(RawJson.of(json), MessageCreate.class);

    assertThatThrownBy(() -> event.unwrapped(MESSAGE).get(CONTENT))
        .isInstanceOf(GatewayException.class);
    assertThatThrownBy(() -> RawJson.of(json).decode(MessageCreate.class))
        .isInstanceOf(GatewayException.class);
  }

  @Test
  void aReadWhileTheThreadsParserIsBusyUsesAParserOfItsOwn() {
    RawJson data = messageCreateData();
    MessageCreate whole = data.decode(MessageCreate.class);
    ReusableJsonParser busy = ReusableJsonParser.acquire(GatewayJson.factory(), new byte[] {'1'});
    try {
      LazyRecord<MessageCreate> event = LazyRecord.of(messageCreateData(), MessageCreate.class);

      assertThat(event.get(MEMBER)).isEqualTo(whole.member());
      assertThat(event.unwrapped(MESSAGE).get(ID)).isEqualTo(whole.message().id());
    } finally {
      if (busy != null) {
        busy.release();
      }
    }
  }

  @Test
  void aJsonNullReadsAsANullRecord() {
    assertThat(LazyRecord.of(RawJson.of("null"), MessageCreate.class).record()).isNull();
  }

  @Test
  void componentsOfAnotherTypeAreRefused() {
    LazyRecord<MessageCreate> event = LazyRecord.of(RawJson.of("{}"), MessageCreate.class);

    assertThatThrownBy(() -> event.unwrapped(GUILD_ID))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LazyRecord.Component.of(Message.class, "nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsReadingTheSameRecordSeeEqualValues() throws Exception {
    LazyRecord<MessageCreate> event = LazyRecord.of(messageCreateData(), MessageCreate.class);
    MessageCreate whole = messageCreateData().decode(MessageCreate.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Object>>> reads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  return List.of(
                      event.unwrapped(MESSAGE).get(CONTENT),
                      event.get(MEMBER),
                      event.get(GUILD_ID));
                }));
      }
      start.countDown();
      for (Future<List<Object>> read : reads) {
        assertThat(read.get(10, TimeUnit.SECONDS))
            .containsExactly(whole.message().content(), whole.member(), whole.guildId());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static RawJson messageCreateData() {
    byte[] envelope = ExamplePayloads.bytes("message_create.json");
    byte[] data = EnvelopeDecoder.decode(envelope, 0, envelope.length).data().bytes();
    return RawJson.of(data);
  }

  /** Reads every component lazily, in reverse order, and compares it with the whole decode. */
  static <R> void assertEveryComponentEqualsTheWholeDecode(Class<R> type, byte[] json) {
    R whole = RawJson.of(json).decode(type);
    // an escaped key is the one edge case that the index pass leaves to the whole decode
    boolean escapedKey = new String(json, StandardCharsets.UTF_8).contains("\\u0074");
    LazyRecord<R> lazy = LazyRecord.of(RawJson.of(json), type);
    RecordComponent[] components = type.getRecordComponents();
    for (int i = components.length - 1; i >= 0; i--) {
      RecordComponent component = components[i];
      Object expected = read(component, whole);
      LazyRecord.Component<R, Object> lazyComponent =
          LazyRecord.Component.of(type, component.getName());
      if (component.getType().isRecord()
          && component
              .getAccessor()
              .isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)) {
        LazyRecord<Object> inner = lazy.unwrapped(lazyComponent);
        for (RecordComponent nested : component.getType().getRecordComponents()) {
          @SuppressWarnings("unchecked")
          Class<Object> innerType = (Class<Object>) component.getType();
          Object actual = inner.get(LazyRecord.Component.of(innerType, nested.getName()));
          assertThat(actual)
              .as(
                  "%s.%s.%s of %s",
                  type.getSimpleName(),
                  component.getName(),
                  nested.getName(),
                  new String(json, StandardCharsets.UTF_8))
              .isEqualTo(read(nested, expected));
        }
        assertThat(lazy.decodedWhole()).as("decoded whole before asked to").isEqualTo(escapedKey);
        assertThat(inner.record()).isEqualTo(expected);
      } else {
        Object actual = lazy.get(lazyComponent);
        assertThat(actual)
            .as(
                "%s.%s of %s",
                type.getSimpleName(), component.getName(), new String(json, StandardCharsets.UTF_8))
            .isEqualTo(expected);
      }
    }
    assertThat(lazy.indexPasses()).isEqualTo(1);
    if (!type.getRecordComponents()[0].getType().isRecord()) {
      assertThat(lazy.decodedWhole()).as("decoded whole").isEqualTo(escapedKey);
    }
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
