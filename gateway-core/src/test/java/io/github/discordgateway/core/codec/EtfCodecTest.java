package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.internal.EtfToJson;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.ReadySession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * ETF as Discord sends it (atom keys, snowflakes as 64-bit integers, {@code nil}) decodes to the
 * same envelope and objects as the same payload in JSON; malformed ETF fails with a decode error.
 */
class EtfCodecTest {

  static final String MESSAGE_CREATE =
      """
      {"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"id":"1229879423213371432",\
      "channel_id":"573544236465520641","guild_id":"573544236423708672","type":0,\
      "author":{"id":"573544240617881601","username":"maple","discriminator":"0",\
      "global_name":"Maple \\"M\\" Leaf","avatar":null,"bot":false,"public_flags":64},\
      "member":{"roles":["573544236423708673"],"joined_at":"2019-06-01T16:20:01.900000+00:00",\
      "deaf":false,"mute":false,"flags":0,"nick":null},"content":"hello \\u00e9\\n\\ud83d\\ude00",\
      "timestamp":"2024-04-12T10:00:00.123000+00:00","edited_timestamp":null,"tts":false,\
      "mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],\
      "pinned":false,"flags":0,"components":[],"nonce":"1229879422949130240",\
      "position":1.5,"channel_type":0}}""";

  static final String READY =
      """
      {"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1085128370007572480",\
      "username":"Snowflake Relay","discriminator":"4821","bot":true,"avatar":null},\
      "guilds":[{"id":"573544236423708672","unavailable":true}],\
      "session_id":"9a4e1d2c3b4a5f60718293a4b5c6d7e8",\
      "resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","shard":[0,1],\
      "application":{"id":"1085128370007572480","flags":8945664},"private_channels":[]}}""";

  static final String HELLO =
      "{\"t\":null,\"s\":null,\"op\":10,\"d\":{\"heartbeat_interval\":41250,"
          + "\"_trace\":[\"[\\\"gateway-prd-us-east1-b-0568\\\",{\\\"micros\\\":0.0}]\"]}}";

  static List<String> examples() {
    return List.of(
        MESSAGE_CREATE,
        READY,
        HELLO,
        "{\"t\":null,\"s\":null,\"op\":11,\"d\":null}",
        "{\"t\":null,\"s\":null,\"op\":9,\"d\":false}",
        "{\"t\":null,\"s\":null,\"op\":7,\"d\":null}",
        "{\"t\":\"RESUMED\",\"s\":9,\"op\":0,\"d\":{\"_trace\":[]}}",
        "{\"t\":\"TYPING_START\",\"s\":5,\"op\":0,\"d\":{\"user_id\":\"573544240617881601\","
            + "\"timestamp\":1712916000,\"channel_id\":\"573544236465520641\"}}");
  }

  private static JsonNode tree(String json) {
    return GatewayJson.mapper().readTree(json);
  }

  private static Envelope fromJson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return Encoding.JSON.decode(bytes, 0, bytes.length);
  }

  private static Envelope fromEtf(byte[] etf) {
    return Encoding.ETF.decode(etf, 0, etf.length);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleDecodesToTheSameEnvelopeFromJsonAndFromDiscordShapedEtf(String json) {
    Envelope expected = fromJson(json);
    Envelope actual = fromEtf(DiscordEtf.encode(tree(json)));

    assertThat(actual.op()).isEqualTo(expected.op());
    assertThat(actual.sequence()).isEqualTo(expected.sequence());
    assertThat(actual.type()).isEqualTo(expected.type());
    if (expected.data() == null) {
      assertThat(actual.data()).isNull();
    } else {
      assertThat(numbersAsText(actual.data().tree()))
          .isEqualTo(numbersAsText(expected.data().tree()));
    }
  }

  @Test
  void typedEventsAreEqualFromJsonAndFromEtfWithIntegerSnowflakes() {
    Message fromJson = fromJson(MESSAGE_CREATE).data().decode(Message.class);
    Message fromEtf = fromEtf(DiscordEtf.encode(tree(MESSAGE_CREATE))).data().decode(Message.class);
    ReadySession readyJson = fromJson(READY).data().decode(ReadySession.class);
    ReadySession readyEtf =
        fromEtf(DiscordEtf.encode(tree(READY))).data().decode(ReadySession.class);
    Hello helloEtf = fromEtf(DiscordEtf.encode(tree(HELLO))).data().decode(Hello.class);

    assertThat(fromEtf).isEqualTo(fromJson);
    assertThat(fromEtf.id()).isEqualTo(1229879423213371432L);
    assertThat(fromEtf.content()).isEqualTo("hello \u00e9\n\uD83D\uDE00");
    assertThat(readyEtf).isEqualTo(readyJson);
    assertThat(readyEtf.guildIds()).containsExactly(573544236423708672L);
    assertThat(helloEtf.heartbeatInterval()).isEqualTo(41250);
  }

  @Test
  void snowflakesAsBinariesAndAsIntegersDecodeToTheSameIds() {
    JsonNode data = tree(MESSAGE_CREATE);
    byte[] integers = DiscordEtf.encode(data);
    byte[] strings = DiscordEtf.encodeKeepingStrings(data);

    assertThat(fromEtf(integers).data().decode(Message.class))
        .isEqualTo(fromEtf(strings).data().decode(Message.class));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void whatTheClientEncodesDecodesBackToTheSameJson(String json) {
    byte[] etf = Encoding.ETF.encode(json);

    assertThat(etf[0] & 0xFF).isEqualTo(131);
    assertThat(tree(new String(Encoding.ETF.toJson(etf, 0, etf.length, 1 << 20), UTF8)))
        .isEqualTo(tree(json));
  }

  @Test
  void theClientNeverEncodesAtomKeysOrCompressedTerms() {
    byte[] etf =
        Encoding.ETF.encode(
            "{\"op\":2,\"d\":{\"token\":\"t\",\"intents\":513,\"shard\":[0,1],"
                + "\"properties\":{\"os\":\"linux\"},\"big\":1229879423213371432,\"n\":null}}");

    // version, MAP_EXT with 2 pairs, then a BINARY_EXT key "op"
    assertThat(etf[1] & 0xFF).isEqualTo(116);
    assertThat(etf[6] & 0xFF).isEqualTo(109);
    for (int i = 0; i < etf.length; i++) {
      assertThat(etf[i] & 0xFF).as("byte %d", i).isNotEqualTo(80);
    }
    JsonNode back = tree(new String(Encoding.ETF.toJson(etf, 0, etf.length, 4096), UTF8));
    assertThat(back.get("d").get("big").asLong()).isEqualTo(1229879423213371432L);
    assertThat(back.get("d").get("n").isNull()).isTrue();
  }

  @Test
  void aCompressedTermDecodes() {
    byte[] plain = DiscordEtf.encode(tree(MESSAGE_CREATE));
    Deflater deflater = new Deflater();
    deflater.setInput(plain, 1, plain.length - 1);
    deflater.finish();
    byte[] buffer = new byte[plain.length * 2];
    int n = deflater.deflate(buffer);
    deflater.end();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    compressed.write(131);
    compressed.write(80);
    writeU32(compressed, plain.length - 1);
    compressed.write(buffer, 0, n);

    assertThat(fromEtf(compressed.toByteArray()).data().decode(Message.class))
        .isEqualTo(fromEtf(plain).data().decode(Message.class));
  }

  // ---- malformed input -------------------------------------------------------------------

  private static final int LIMIT = 64 * 1024;

  /** Decodes with a 64 KiB limit; returns null on success, the decode error otherwise. */
  private static GatewayException attempt(byte[] etf) {
    try {
      new EtfToJson(LIMIT).transcode(etf, 0, etf.length);
      return null;
    } catch (GatewayException e) {
      assertThat(e.kind()).isEqualTo(GatewayException.Kind.DECODE_ERROR);
      assertThat(e.getMessage()).startsWith("Malformed ETF payload: ");
      return e;
    }
  }

  @Test
  void everyTruncationFailsWithADecodeError() {
    byte[] etf = DiscordEtf.encode(tree(MESSAGE_CREATE));
    for (int length = 0; length < etf.length; length++) {
      byte[] cut = java.util.Arrays.copyOf(etf, length);
      assertThat(attempt(cut)).as("cut at %d", length).isNotNull();
    }
  }

  @Test
  void wrongVersionUnknownTagsAndTrailingBytesFailWithADecodeError() {
    byte[] etf = DiscordEtf.encode(tree(HELLO));
    byte[] version = etf.clone();
    version[0] = (byte) 130;
    byte[] trailing = java.util.Arrays.copyOf(etf, etf.length + 1);
    byte[] pid = {(byte) 131, 88, 0, 0};
    byte[] improper = {(byte) 131, 108, 0, 0, 0, 1, 97, 1, 97, 2};
    byte[] floatKey = {(byte) 131, 116, 0, 0, 0, 1, 70, 0, 0, 0, 0, 0, 0, 0, 0, 106};
    byte[] nan = {(byte) 131, 70, 0x7f, (byte) 0xf8, 0, 0, 0, 0, 0, 0};

    for (byte[] bad : List.of(version, trailing, pid, improper, floatKey, nan, new byte[0])) {
      assertThat(attempt(bad)).isNotNull();
    }
  }

  @Test
  void hugeDeclaredLengthsFailBeforeAnythingIsAllocatedForThem() {
    List<byte[]> corpus = new ArrayList<>();
    int[] tags = {109, 108, 116, 111, 105, 107, 100, 118};
    for (int tag : tags) {
      for (long length : new long[] {0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x0100_0000L, 0xFFFFL}) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(131);
        out.write(tag);
        if (tag == 107 || tag == 100 || tag == 118) {
          out.write((int) (length >>> 8) & 0xFF);
          out.write((int) length & 0xFF);
        } else {
          writeU32(out, (int) length);
        }
        out.writeBytes(new byte[16]);
        corpus.add(out.toByteArray());
      }
    }
    corpus.add(new byte[] {(byte) 131, 80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    corpus.add(new byte[] {(byte) 131, 80, 0, 0x10, 0, 0, 0x78, (byte) 0x9c});

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (byte[] bad : corpus) {
      long before = threads.getThreadAllocatedBytes(id);
      assertThat(attempt(bad)).isNotNull();
      long allocated = threads.getThreadAllocatedBytes(id) - before;
      assertThat(allocated).as("allocated for tag %d", bad[1]).isLessThan(LIMIT + 256 * 1024L);
    }
  }

  @Test
  void deepNestingFailsWithADecodeErrorNotAStackOverflow() {
    for (int tag : new int[] {108, 116, 104}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(131);
      for (int i = 0; i < 100_000; i++) {
        out.write(tag);
        if (tag == 104) {
          out.write(1);
        } else {
          writeU32(out, 1);
        }
        if (tag == 116) {
          out.writeBytes(new byte[] {115, 1, 'k'});
        }
      }
      assertThat(attempt(out.toByteArray()).getMessage()).contains("nested deeper");
    }
  }

  @Test
  void outputBeyondTheLimitFailsWithADecodeError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(131);
    out.write(107);
    out.write(0xFF);
    out.write(0xFF);
    out.writeBytes(new byte[0xFFFF]);
    // 65535 small integers become "[0,0,...]": about 128 KiB of JSON, over the 64 KiB limit
    assertThat(attempt(out.toByteArray()).getMessage()).contains("exceeds " + LIMIT);
  }

  @Test
  void randomlyMutatedFramesFailCleanlyOrDecode() {
    byte[] seed = DiscordEtf.encode(tree(MESSAGE_CREATE));
    Random random = new Random(20261202L);
    int[] tags = {70, 80, 97, 98, 99, 100, 104, 105, 106, 107, 108, 109, 110, 111, 115, 116, 255};
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          int decoded = 0;
          for (int round = 0; round < 20_000; round++) {
            byte[] mutated = seed.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
              int at = random.nextInt(mutated.length);
              mutated[at] =
                  random.nextBoolean()
                      ? (byte) tags[random.nextInt(tags.length)]
                      : (byte) random.nextInt(256);
            }
            if (attempt(mutated) == null) {
              decoded++;
            }
          }
          // Some mutations only change text or numbers; most must be refused.
          assertThat(decoded).isLessThan(20_000);
        });
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** Compares numbers by their text, so integer snowflakes equal string ones. */
  private static JsonNode numbersAsText(JsonNode node) {
    if (node.isNumber()) {
      return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(node.asString());
    }
    if (node.isArray()) {
      tools.jackson.databind.node.ArrayNode copy =
          tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(numbersAsText(e)));
      return copy;
    }
    if (node.isObject()) {
      tools.jackson.databind.node.ObjectNode copy =
          tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), numbersAsText(field.getValue()));
      }
      return copy;
    }
    return node;
  }

  /**
   * ETF written the way Discord's servers write it, independent of the codec under test: atom keys,
   * snowflake strings as 64-bit integers (SMALL_BIG_EXT), byte lists for short lists of small
   * integers (STRING_EXT), {@code nil} for null, NEW_FLOAT_EXT floats.
   */
  static final class DiscordEtf {

    static byte[] encode(JsonNode node) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(131);
      write(node, out, true);
      return out.toByteArray();
    }

    static byte[] encodeKeepingStrings(JsonNode node) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(131);
      write(node, out, false);
      return out.toByteArray();
    }

    private static void write(JsonNode node, ByteArrayOutputStream out, boolean snowflakes) {
      if (node.isNull()) {
        atom("nil", out);
      } else if (node.isBoolean()) {
        atom(node.asBoolean() ? "true" : "false", out);
      } else if (node.isString()) {
        String text = node.asString();
        if (snowflakes && text.matches("[1-9][0-9]{16,19}")) {
          long id = Long.parseUnsignedLong(text);
          out.write(110);
          out.write(8);
          out.write(0);
          for (int i = 0; i < 8; i++) {
            out.write((int) (id >>> (8 * i)) & 0xFF);
          }
        } else {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          out.write(109);
          writeU32(out, bytes.length);
          out.writeBytes(bytes);
        }
      } else if (node.isIntegralNumber()) {
        long v = node.asLong();
        if (v >= 0 && v < 256) {
          out.write(97);
          out.write((int) v);
        } else {
          out.write(98);
          writeU32(out, (int) v);
        }
      } else if (node.isNumber()) {
        out.write(70);
        long bits = Double.doubleToLongBits(node.asDouble());
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (bits >>> shift) & 0xFF);
        }
      } else if (node.isArray()) {
        boolean bytes = !node.isEmpty();
        for (JsonNode e : node) {
          bytes &= e.isIntegralNumber() && e.asInt() >= 0 && e.asInt() < 256;
        }
        if (node.isEmpty()) {
          out.write(106);
        } else if (bytes) {
          out.write(107);
          out.write(node.size() >>> 8);
          out.write(node.size() & 0xFF);
          node.forEach(e -> out.write(e.asInt()));
        } else {
          out.write(108);
          writeU32(out, node.size());
          node.forEach(e -> write(e, out, snowflakes));
          out.write(106);
        }
      } else {
        out.write(116);
        writeU32(out, node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          atom(field.getKey(), out);
          write(field.getValue(), out, snowflakes);
        }
      }
    }

    private static void atom(String name, ByteArrayOutputStream out) {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      out.write(119);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
  }

  @Test
  void aCommandWithinTheLimitAsJsonButOverItAsEtfIsRefusedBeforeSending() {
    String json = "{\"op\":3,\"d\":[" + "\"a\",".repeat(995) + "\"a\"]}";
    assertThat(json.length()).isLessThanOrEqualTo(4096);

    Encoding.JSON.checkSize(io.github.discordgateway.core.protocol.Opcode.PRESENCE_UPDATE, json);
    assertThatThrownBy(
            () ->
                Encoding.ETF.checkSize(
                    io.github.discordgateway.core.protocol.Opcode.PRESENCE_UPDATE, json))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.PAYLOAD_TOO_LARGE))
        .hasMessageContaining("in ETF");
  }

  @Test
  void theDefaultTranscoderRefusesUnknownEncodingNames() {
    assertThat(Encoding.parse("ETF")).isEqualTo(Encoding.ETF);
    assertThat(Encoding.parse(" json ")).isEqualTo(Encoding.JSON);
    assertThatThrownBy(() -> Encoding.parse("xml")).hasMessageContaining("json or etf");
  }
}
