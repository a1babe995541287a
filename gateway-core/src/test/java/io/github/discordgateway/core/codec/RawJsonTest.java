package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.ReadySession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RawJsonTest {

  @Test
  @DisplayName("decode is memoized per type and shared between threads")
  void decodeIsMemoized() throws Exception {
    RawJson raw = RawJson.of("{\"heartbeat_interval\":45000,\"_trace\":[\"x\"]}");
    List<CompletableFuture<Hello>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(CompletableFuture.supplyAsync(() -> raw.decode(Hello.class)));
    }
    Hello first = raw.decode(Hello.class);
    for (CompletableFuture<Hello> f : futures) {
      assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(first);
    }
    assertThat(raw.decode(Hello.class)).isSameAs(first);
    assertThat(raw.tree()).isSameAs(raw.tree());
    assertThat(raw.json()).isSameAs(raw.json());
  }

  @Test
  @DisplayName("a failed decode names the type and does not poison other decodes")
  void failedDecodeDoesNotPoison() {
    RawJson raw = RawJson.of("{\"heartbeat_interval\":\"later\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> raw.decode(Hello.class))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("Hello")
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECODE_ERROR);
    assertThat(raw.tree().get("heartbeat_interval").asString()).isEqualTo("later");
    assertThat(raw.decode(java.util.Map.class)).containsKey("heartbeat_interval");
  }

  @Test
  @DisplayName("15.27 snowflakes: ids are accepted as strings and as numbers")
  void snowflakesAsStringOrNumber() {
    ReadySession.SelfUser fromString =
        RawJson.of("{\"id\":\"80351110224678912\",\"username\":\"a\"}")
            .decode(ReadySession.SelfUser.class);
    ReadySession.SelfUser fromNumber =
        RawJson.of("{\"id\":80351110224678912,\"username\":\"a\"}")
            .decode(ReadySession.SelfUser.class);
    assertThat(fromString.id()).isEqualTo(80351110224678912L).isEqualTo(fromNumber.id());
  }

  @Test
  @DisplayName("lenient mapper: unknown fields and nulls for primitives are accepted")
  void lenientMapper() {
    ReadySession.PartialApplication app =
        RawJson.of("{\"id\":\"1\",\"flags\":null,\"new\":{\"x\":1}}")
            .decode(ReadySession.PartialApplication.class);
    assertThat(app.flags()).isZero();
  }

  @Test
  @DisplayName("byte access is zero-copy for byte-backed values and read-only as a buffer")
  void byteAccess() {
    byte[] bytes = "[1,2]".getBytes(StandardCharsets.UTF_8);
    RawJson raw = RawJson.of(bytes);
    assertThat(raw.bytes()).isSameAs(bytes);
    assertThat(raw.asByteBuffer().isReadOnly()).isTrue();
    assertThat(RawJson.of("\"é\"").bytes()).hasSize(4);
    assertThat(raw.toString()).isEqualTo("RawJson[5 bytes]");
  }

  @Test
  @DisplayName("malformed raw JSON gives a DECODE_ERROR from tree()")
  void malformedTree() {
    assertThatThrownBy(() -> RawJson.of("{\"a\":").tree())
        .isInstanceOf(GatewayException.class)
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECODE_ERROR);
  }

  @Test
  @DisplayName(
      "byte-backed decodes one after another on a thread agree with Jackson, failed ones too")
  void byteBackedDecodesInARowAgreeWithJackson() {
    String[] inputs = {
      "{\"heartbeat_interval\":41250}",
      "{\"heartbeat_interval\":",
      "{\"heartbeat_interval\":1} {\"heartbeat_interval\":2}",
      "{\"heartbeat_interval\":\"later\"}",
      "{\"other\":[1,{\"a\":\"\\u00e9\"}],\"heartbeat_interval\":45000}",
      "null",
      "{\"heartbeat_interval\":45000,\"x\":\"\u00e9\u4e2d\"}"
    };
    for (int round = 0; round < 2; round++) {
      for (String json : inputs) {
        Object expected = outcome(() -> GatewayJson.mapper().readValue(json, Hello.class));
        Object actual =
            outcome(() -> RawJson.of(json.getBytes(StandardCharsets.UTF_8)).decode(Hello.class));
        if (expected instanceof Hello || expected == null) {
          assertThat(actual).as(json).isEqualTo(expected);
        } else {
          assertThat(actual).as(json).isInstanceOf(GatewayException.class);
          assertThat(((GatewayException) actual).getMessage())
              .as(json)
              .endsWith(((tools.jackson.core.JacksonException) expected).getOriginalMessage());
        }
      }
    }
  }

  @Test
  @DisplayName("a decode inside a decode on the same thread gets its own parser")
  void decodeInsideADecode() {
    Nested nested =
        RawJson.of(
                "{\"hello\":\"{\\\"heartbeat_interval\\\":7}\",\"after\":3}"
                    .getBytes(StandardCharsets.UTF_8))
            .decode(Nested.class);
    assertThat(nested.hello().heartbeatInterval()).isEqualTo(7);
    assertThat(nested.after()).isEqualTo(3);
  }

  @Test
  @DisplayName("payloads with ever new keys keep decoding (the parser's name table is bounded)")
  void everNewKeys() {
    for (int i = 0; i < 10_000; i++) {
      String json = "{\"k" + i + "\":" + i + ",\"heartbeat_interval\":" + i + "}";
      assertThat(RawJson.of(json.getBytes(StandardCharsets.UTF_8)).decode(Hello.class))
          .isEqualTo(new Hello(i));
    }
  }

  private static Object outcome(java.util.function.Supplier<Object> decode) {
    try {
      return decode.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** A value whose deserializer decodes another {@link RawJson} while its own decode runs. */
  record Nested(
      @tools.jackson.databind.annotation.JsonDeserialize(using = InnerHello.class) Hello hello,
      int after) {}

  static final class InnerHello extends tools.jackson.databind.ValueDeserializer<Hello> {
    @Override
    public Hello deserialize(
        tools.jackson.core.JsonParser p, tools.jackson.databind.DeserializationContext ctxt) {
      return RawJson.of(p.getString().getBytes(StandardCharsets.UTF_8)).decode(Hello.class);
    }
  }
}
