package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of {@link EnvelopeDecoder} must give exactly what the streaming parser gives: the
 * same envelope for every payload it reads, and for anything else the parser's own result or error.
 */
class EnvelopeScannerTest {

  private static final String MESSAGE =
      "{\"t\":\"MESSAGE_CREATE\",\"s\":58,\"op\":0,\"d\":{\"id\":\"1534902599319433228\","
          + "\"content\":\"h\\u00e9 \\\"quoted\\\" caf\u00e9 \uD83D\uDE80 \\n\",\"tts\":false,"
          + "\"mentions\":[],\"embeds\":[{\"fields\":[{\"name\":\"a\",\"value\":\"b\","
          + "\"inline\":true}],\"color\":-1.25e-3}],\"nonce\":null,\"flags\":0,"
          + "\"nested\":[[[{}]],[],{\"x\":[1,2.5,-0,0.0,1E+2,true,false,null]}]}}";

  private static final List<String> SAMPLES =
      List.of(
          MESSAGE,
          "{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}",
          "{\"op\":11}",
          "{\"op\":7,\"d\":null,\"s\":null,\"t\":null}",
          "{\"op\":9,\"d\":false}",
          "{\"op\":9,\"d\":true}",
          "{\"op\":1,\"d\":251}",
          "{\"op\":1,\"d\":-1.5e3 }",
          "{\"op\":1,\"d\":\"\u00e9\\\"\"}",
          "  {\r\n\t\"op\" : 0 , \"s\" : 3 , \"t\" : \"GUILD_CREATE\" , \"d\" : { } }  \n",
          "{\"op\":0,\"s\":2,\"t\":\"SOMETHING_NEW\",\"d\":{\"a\":[]}}",
          "{\"op\":0,\"s\":2,\"t\":\"\",\"d\":[]}",
          "{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"t\":null,\"s\":5,\"s\":null}",
          "{\"op\":0,\"d\":{\"a\":1},\"d\":null}",
          "{\"op\":0,\"d\":null,\"d\":{\"a\":1}}",
          "{\"op\":1,\"op\":2,\"unknown\":{\"op\":3,\"d\":4},\"x\":[\"d\"]}",
          "{\"op\":-7}",
          "{\"op\":-0,\"s\":-0}",
          "{\"op\":2147483647,\"s\":9223372036854775807}",
          "{\"op\":-2147483648}",
          "{\"op\":0,\"s\":123456789012345678}",
          "{\"op\":0,\"s\":1234567890123456789}",
          "{\"\\u006fp\":1}",
          "{\"op\":1,\"\\u0064\":{\"a\":1}}",
          "{\"op\":0,\"t\":\"MESSAGE\\u005fCREATE\"}",
          "{\"op\":0,\"t\":\"CAF\u00c9\"}",
          "{\"op\":0,\"d\":\"\uD800\"}",
          "{\"op\":0,\"d\":\"\\uD800\\uzzzz\"}",
          "{\"op\":0,\"d\":\"\\x\"}",
          "{\"op\":0,\"d\":\"tab\there\"}",
          "{\"op\":0,\"d\":01}",
          "{\"op\":0,\"d\":1.}",
          "{\"op\":0,\"d\":.5}",
          "{\"op\":0,\"d\":+1}",
          "{\"op\":0,\"d\":1e}",
          "{\"op\":0,\"d\":-}",
          "{\"op\":0,\"d\":NaN}",
          "{\"op\":0,\"d\":truex}",
          "{\"op\":0,\"d\":[1,]}",
          "{\"op\":0,\"d\":{\"a\":1,}}",
          "{\"op\":0,\"d\":{\"a\" 1}}",
          "{\"op\":0,\"d\":{1:2}}",
          "{\"op\":0,\"d\":[1 2]}",
          "{\"op\":0,\"d\":[}",
          "{\"op\":0,\"d\":{]}",
          "{\"op\":0,\"d\":'x'}",
          "{\"op\":0,\"d\":[1]/* c */}",
          "{\"op\":0}x",
          "{\"op\":0}{}",
          "{\"op\":1.0}",
          "{\"op\":1e2}",
          "{\"op\":2147483648}",
          "{\"op\":0,\"s\":9223372036854775808}",
          "{\"op\":0,\"s\":1.5}",
          "{\"op\":0,\"s\":-1}",
          "{\"op\":0,\"s\":\"1\"}",
          "{\"op\":0,\"t\":1}",
          "{\"op\":\"0\"}",
          "{\"op\":null}",
          "{}",
          "[]",
          "",
          " ",
          "null",
          "{\"op\":0,\"d\":" + "[".repeat(70) + "]".repeat(70) + "}",
          "{\"op\":0,\"d\":" + "[".repeat(600) + "]".repeat(600) + "}",
          "{\"op\":0,\"d\":" + "1".repeat(150) + "}",
          "{\"op\":0,\"d\":" + "1".repeat(1500) + "}",
          "\uFEFF{\"op\":1}",
          "{\"op\":0,\"d\":\"\u0000\"}",
          "{\"op\":0,\"d\":\"\u007f\u0080\u07ff\u0800\uffff\"}");

  @Test
  @DisplayName("every sample decodes to the same envelope, or fails the same way, on both paths")
  void samplesMatchTheParser() {
    for (String sample : SAMPLES) {
      assertSameAsParser(sample);
    }
  }

  @Test
  @DisplayName("the protocol examples decode the same on both paths")
  void examplesMatchTheParser() {
    for (String file : ExamplePayloads.NAMES) {
      assertSameAsParser(ExamplePayloads.text(file));
    }
  }

  @Test
  @DisplayName("randomly damaged payloads decode the same, or fail the same way, on both paths")
  void mutationsMatchTheParser() {
    SplittableRandom random = new SplittableRandom(20260806);
    byte[] base = MESSAGE.getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\",:\\ 0123456789.eE+-tfnrulasd\u00e9".getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 8_000; round++) {
      byte[] mutated = base.clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(mutated.length);
        switch (random.nextInt(4)) {
          case 0 -> mutated[at] = alphabet[random.nextInt(alphabet.length)];
          case 1 -> mutated[at] = (byte) random.nextInt(256);
          case 2 -> mutated = Arrays.copyOf(mutated, at);
          default -> {
            byte[] longer = new byte[mutated.length + 1];
            System.arraycopy(mutated, 0, longer, 0, at);
            longer[at] = alphabet[random.nextInt(alphabet.length)];
            System.arraycopy(mutated, at, longer, at + 1, mutated.length - at);
            mutated = longer;
          }
        }
        if (mutated.length == 0) {
          break;
        }
      }
      assertSameBytes(mutated);
      assertSameText(new String(mutated, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(
      bytes = {(byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xF5, (byte) 0xFF})
  @DisplayName("invalid UTF-8 in d is left to the parser")
  void invalidUtf8IsLeftToTheParser(byte bad) {
    byte[] bytes = "{\"op\":0,\"d\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 4] = bad;
    assertThat(new EnvelopeScanner.Bytes(bytes, 0, bytes.length).scan()).isFalse();
    assertSameBytes(bytes);
  }

  @Test
  @DisplayName("overlong forms, surrogates and code points past U+10FFFF are left to the parser")
  void irregularUtf8IsLeftToTheParser() {
    byte[][] sequences = {
      {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
    };
    for (byte[] sequence : sequences) {
      byte[] head = "{\"op\":0,\"d\":\"".getBytes(StandardCharsets.UTF_8);
      byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[head.length + sequence.length + tail.length];
      System.arraycopy(head, 0, bytes, 0, head.length);
      System.arraycopy(sequence, 0, bytes, head.length, sequence.length);
      System.arraycopy(tail, 0, bytes, head.length + sequence.length, tail.length);
      assertThat(new EnvelopeScanner.Bytes(bytes, 0, bytes.length).scan()).isFalse();
      assertSameBytes(bytes);
    }
  }

  @Test
  @DisplayName("ordinary payloads take the fast path, and known event names are shared constants")
  void ordinaryPayloadsTakeTheFastPath() {
    byte[] bytes = MESSAGE.getBytes(StandardCharsets.UTF_8);
    assertThat(new EnvelopeScanner.Bytes(bytes, 0, bytes.length).scan()).isTrue();
    assertThat(new EnvelopeScanner.Chars(MESSAGE).scan()).isTrue();
    assertThat(EnvelopeDecoder.decode(bytes, 0, bytes.length).type()).isSameAs("MESSAGE_CREATE");
    assertThat(EnvelopeDecoder.decode(MESSAGE).type()).isSameAs("MESSAGE_CREATE");
  }

  @Test
  @DisplayName("a payload inside a larger buffer is read from its offset only")
  void readsOnlyItsSliceOfTheBuffer() {
    byte[] framed = ("{\"op\":1}" + MESSAGE + "]]]").getBytes(StandardCharsets.UTF_8);
    int off = "{\"op\":1}".length();
    int len = MESSAGE.getBytes(StandardCharsets.UTF_8).length;
    Envelope fast = EnvelopeDecoder.decode(framed, off, len);
    Envelope parsed = EnvelopeDecoder.parse(framed, off, len);
    assertSame(fast, parsed);
    assertThat(fast.sequence()).isEqualTo(58);
  }

  private static void assertSameAsParser(String json) {
    assertSameText(json);
    assertSameBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameBytes(byte[] bytes) {
    Object fast = outcome(() -> EnvelopeDecoder.decode(bytes, 0, bytes.length));
    Object parsed = outcome(() -> EnvelopeDecoder.parse(bytes, 0, bytes.length));
    assertOutcome(fast, parsed, new String(bytes, StandardCharsets.UTF_8));
  }

  private static void assertSameText(String text) {
    Object fast = outcome(() -> EnvelopeDecoder.decode(text));
    Object parsed = outcome(() -> EnvelopeDecoder.parse(text));
    assertOutcome(fast, parsed, text);
  }

  private static void assertOutcome(Object fast, Object parsed, String input) {
    if (parsed instanceof Envelope expected) {
      assertThat(fast).as("input %s", input).isInstanceOf(Envelope.class);
      assertSame((Envelope) fast, expected);
    } else {
      assertThat(fast).as("input %s", input).isEqualTo(parsed);
    }
  }

  private static void assertSame(Envelope actual, Envelope expected) {
    assertThat(describe(actual)).isEqualTo(describe(expected));
    if (expected.data() != null) {
      assertThat(actual.data().isByteBacked()).isEqualTo(expected.data().isByteBacked());
    }
  }

  private static List<Object> describe(Envelope e) {
    List<Object> parts = new ArrayList<>();
    parts.add(e.op());
    parts.add(e.sequence());
    parts.add(e.type());
    parts.add(e.data() == null ? null : e.data().json());
    return parts;
  }

  /** Returns the envelope, or the error kind and message. */
  private static Object outcome(java.util.function.Supplier<Envelope> decode) {
    try {
      return decode.get();
    } catch (GatewayException e) {
      return e.kind() + ": " + e.getMessage();
    }
  }
}
