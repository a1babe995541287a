package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.protocol.Opcode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeDecoderTest {

  private static Envelope fromBytes(String json) {
    byte[] framed = ("garbage" + json + "tail").getBytes(StandardCharsets.UTF_8);
    int off = "garbage".length();
    int len = json.getBytes(StandardCharsets.UTF_8).length;
    return EnvelopeDecoder.decode(framed, off, len);
  }

  @Test
  @DisplayName("reads op, s, t and keeps d raw, from bytes and from text alike")
  void readsEnvelope() {
    String json =
        "{\"op\":0,\"s\":42,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"h\\u00e9 \\\"x\\\" é\"}}";
    for (Envelope e : new Envelope[] {fromBytes(json), EnvelopeDecoder.decode(json)}) {
      assertThat(e.op()).isZero();
      assertThat(e.opcode()).isEqualTo(Opcode.DISPATCH);
      assertThat(e.sequence()).isEqualTo(42);
      assertThat(e.type()).isEqualTo("MESSAGE_CREATE");
      assertThat(e.data().json()).isEqualTo("{\"content\":\"h\\u00e9 \\\"x\\\" é\"}");
      assertThat(e.data().tree().get("content").asString()).isEqualTo("hé \"x\" é");
    }
    assertThat(fromBytes(json).data().isByteBacked()).isTrue();
  }

  @Test
  @DisplayName("key order does not matter: d before op, unknown keys between")
  void fieldOrderDoesNotMatter() {
    Envelope e =
        fromBytes("{\"d\":[1,{\"a\":[]}],\"x\":{\"y\":[null]},\"t\":null,\"op\":9,\"s\":null}");
    assertThat(e.op()).isEqualTo(9);
    assertThat(e.hasSequence()).isFalse();
    assertThat(e.sequence()).isEqualTo(Envelope.NO_SEQUENCE);
    assertThat(e.type()).isNull();
    assertThat(e.data().json()).isEqualTo("[1,{\"a\":[]}]");
  }

  @Test
  @DisplayName("scalar and null d values are captured exactly")
  void scalarData() {
    assertThat(fromBytes("{\"op\":9,\"d\":true}").data().json()).isEqualTo("true");
    assertThat(fromBytes("{\"op\":1,\"d\":251}").data().json()).isEqualTo("251");
    assertThat(fromBytes("{\"op\":1,\"d\":-1.5e3 }").data().json()).isEqualTo("-1.5e3");
    assertThat(fromBytes("{\"op\":1,\"d\":\"é\\\"\"}").data().json()).isEqualTo("\"é\\\"\"");
    assertThat(fromBytes("{\"op\":7,\"d\":null}").data()).isNull();
    assertThat(fromBytes("{\"op\":11}").data()).isNull();
    assertThat(EnvelopeDecoder.decode("{\"op\":9,\"d\":false}").data().json()).isEqualTo("false");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[]",
        "42",
        "{",
        "{\"op\":",
        "{\"op\":1,}",
        "{\"s\":1,\"d\":null}",
        "{\"op\":\"1\"}",
        "{\"op\":1.5}",
        "{\"op\":99999999999}",
        "{\"op\":0,\"s\":\"5\"}",
        "{\"op\":0,\"s\":-3}",
        "{\"op\":0,\"t\":5}",
        "{\"op\":0} {\"op\":1}",
        "{\"op\":0,\"d\":{\"a\":}",
        "\u0000\u0001"
      })
  @DisplayName("malformed input is a DECODE_ERROR with a clear message, never a Jackson exception")
  void malformedInput(String json) {
    assertThatThrownBy(() -> EnvelopeDecoder.decode(json))
        .isInstanceOf(GatewayException.class)
        .hasMessageStartingWith("Malformed gateway payload")
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECODE_ERROR);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EnvelopeDecoder.decode(bytes, 0, bytes.length))
        .isInstanceOf(GatewayException.class)
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECODE_ERROR);
  }

  @Test
  @DisplayName("invalid UTF-8 bytes are a DECODE_ERROR")
  void invalidUtf8() {
    byte[] bytes = {
      '{', '"', 'o', 'p', '"', ':', '0', ',', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}'
    };
    assertThatThrownBy(() -> EnvelopeDecoder.decode(bytes, 0, bytes.length))
        .isInstanceOf(GatewayException.class);
  }

  @Test
  @DisplayName("d is copied: reusing the input buffer afterwards does not change it")
  void dataIsCopied() {
    byte[] buf = "{\"op\":0,\"d\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8);
    Envelope e = EnvelopeDecoder.decode(buf, 0, buf.length);
    java.util.Arrays.fill(buf, (byte) 'x');
    assertThat(e.data().json()).isEqualTo("{\"a\":1}");
  }
}
