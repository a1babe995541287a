package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.model.Interaction;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.event.GuildMemberUpdate;
import io.github.discordgateway.core.model.event.MessageCreate;
import io.github.discordgateway.core.model.event.TypingStart;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The envelope decoder records where each member of an object {@code d} starts, and the field index
 * built from that record finds exactly the values its own pass finds, for every key set.
 */
class FieldIndexTest {

  private static final List<FieldNames> NAMES =
      Stream.of(
              MessageCreate.class,
              Presence.class,
              TypingStart.class,
              Interaction.class,
              GuildMemberUpdate.class)
          .map(type -> FieldLayout.of(type).names)
          .toList();

  private static final String MESSAGE =
      "{\"id\":\"1534902599319433228\",\"channel_id\":\"7\",\"guild_id\":\"9\","
          + "\"content\":\"h\\u00e9 \\\"quoted\\\" caf\u00e9 \uD83D\uDE80 \\n\",\"tts\":false,"
          + "\"mentions\":[],\"embeds\":[{\"fields\":[{\"name\":\"a\",\"value\":\"b\","
          + "\"inline\":true}],\"color\":-1.25e-3}],\"nonce\":null,\"flags\":0,"
          + "\"author\":{\"id\":\"5\",\"username\":\"a\"},\"member\":{\"roles\":[\"1\"]},"
          + "\"nested\":[[[{}]],[],{\"x\":[1,2.5,-0,0.0,1E+2,true,false,null]}]}";

  @ParameterizedTest
  @ValueSource(
      strings = {
        MESSAGE,
        "{\"content\":\"x\"}",
        "{ \n \"content\" : \"x\" ,\t\"guild_id\"\r\n:\n\"42\"  ,\"a\" : [ 1 , 2 ] , \"b\":{ } \n}",
        "{\"a\":1 , \"content\":true\t}",
        "{\"content\":\"first\",\"guild_id\":\"1\",\"content\":\"second\",\"guild_id\":\"2\"}",
        "{\"con\\u0074ent\":\"escaped key\",\"guild_id\":\"1\"}",
        "{\"guild_id\":\"1\",\"caf\u00e9\":\"non-ASCII key\"}",
        "{\"\":0,\"content\":\"\",\"x\":\"\\\\\",\"y\":-0.5E-7,\"z\":null}",
        "{\"user_id\":\"1\",\"nick\":null,\"roles\":[],\"status\":\"online\",\"user\":{}}"
      })
  @DisplayName("an object with members carries where each starts, and both indexes agree")
  void theEnvelopeRecordsEveryMemberAndBothIndexesAgree(String d) {
    byte[] bytes = d.getBytes(StandardCharsets.UTF_8);
    RawJson data = dispatchData(bytes);

    assertThat(data.bytes()).isEqualTo(trimmed(bytes));
    assertThat(RawJsonMembers.members(data)).isEqualTo(memberStarts(data.bytes()));
    assertBothIndexesAgree(data);
  }

  @Test
  @DisplayName("the d of every example payload that is an object carries its members")
  void examplePayloadsCarryTheirMembers() {
    int objects = 0;
    for (String file : ExamplePayloads.NAMES) {
      byte[] payload = ExamplePayloads.bytes(file);
      Envelope envelope = EnvelopeDecoder.decode(payload, 0, payload.length);
      RawJson data = envelope.data();
      if (data == null) {
        continue;
      }
      int[] expected = memberStarts(data.bytes());
      assertThat(RawJsonMembers.members(data)).as(file).isEqualTo(expected);
      if (expected != null) {
        objects++;
        assertBothIndexesAgree(data);
      }
    }
    assertThat(objects).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        " { \n } ",
        "[]",
        "[{\"content\":\"x\"}]",
        "\"content\"",
        "42",
        "true",
        "{\"a\":\"bad \\x\"}"
      })
  @DisplayName("a d that is not an object with members, or that the fast path leaves, carries none")
  void otherValuesCarryNoMembers(String d) {
    byte[] bytes = d.getBytes(StandardCharsets.UTF_8);
    RawJson data;
    try {
      data = dispatchData(bytes);
    } catch (GatewayException e) {
      assertThatThrownBy(() -> GatewayJson.mapper().readTree(bytes)).isNotNull();
      return; // malformed: no value at all
    }
    assertThat(RawJsonMembers.members(data)).isNull();
    assertBothIndexesAgree(data);
  }

  @Test
  @DisplayName(
      "nesting the fast path still takes carries members; one level deeper, the parser's d none")
  void theDepthLimitOfTheFastPathIsKept() {
    String within = "{\"a\":" + "[".repeat(62) + "]".repeat(62) + ",\"content\":\"x\"}";
    String beyond = "{\"a\":" + "[".repeat(63) + "]".repeat(63) + ",\"content\":\"x\"}";

    RawJson inside = dispatchData(within.getBytes(StandardCharsets.UTF_8));
    RawJson outside = dispatchData(beyond.getBytes(StandardCharsets.UTF_8));

    assertThat(RawJsonMembers.members(inside)).isEqualTo(memberStarts(inside.bytes()));
    assertThat(RawJsonMembers.members(outside)).isNull();
    assertThat(outside.json()).isEqualTo(beyond);
    assertBothIndexesAgree(inside);
    assertBothIndexesAgree(outside);
  }

  @Test
  @DisplayName("a payload the fast path leaves to the parser gives a d that carries no members")
  void theParsersDCarriesNoMembers() {
    byte[] payload =
        ("{\"op\":0,\"t\":\"MESSAGE\\u005fCREATE\",\"d\":" + MESSAGE + "}")
            .getBytes(StandardCharsets.UTF_8);

    Envelope envelope = EnvelopeDecoder.decode(payload, 0, payload.length);

    assertThat(new EnvelopeScanner.Bytes(payload, 0, payload.length).scan()).isFalse();
    assertThat(envelope.data().json()).isEqualTo(MESSAGE);
    assertThat(RawJsonMembers.members(envelope.data())).isNull();
    assertBothIndexesAgree(envelope.data());
  }

  @Test
  @DisplayName("malformed d fails the envelope decode, as the parser does")
  void malformedDFails() {
    for (String d : List.of("{\"a\":1,}", "{\"a\" 1}", "{\"a\":[1,2}", "{\"a\":1", "{,}")) {
      byte[] payload = payload(d.getBytes(StandardCharsets.UTF_8));
      assertThat(new EnvelopeScanner.Bytes(payload, 0, payload.length).scan()).as(d).isFalse();
      assertThatThrownBy(() -> EnvelopeDecoder.decode(payload, 0, payload.length))
          .as(d)
          .isInstanceOf(GatewayException.class);
    }
  }

  @Test
  @DisplayName("only the last d counts, a null d is none, and text payloads carry no members")
  void theLastDCountsAndTextCarriesNone() {
    byte[] twice =
        "{\"op\":0,\"d\":{\"a\":1},\"d\":{\"content\":\"x\",\"guild_id\":\"2\"}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] objectThenArray =
        "{\"op\":0,\"d\":{\"a\":1},\"d\":[1]}".getBytes(StandardCharsets.UTF_8);
    byte[] objectThenNull =
        "{\"op\":0,\"d\":{\"a\":1},\"d\":null}".getBytes(StandardCharsets.UTF_8);

    RawJson last = EnvelopeDecoder.decode(twice, 0, twice.length).data();

    assertThat(RawJsonMembers.members(last)).containsExactly(1, 15);
    assertBothIndexesAgree(last);
    assertThat(
            RawJsonMembers.members(
                EnvelopeDecoder.decode(objectThenArray, 0, objectThenArray.length).data()))
        .isNull();
    assertThat(EnvelopeDecoder.decode(objectThenNull, 0, objectThenNull.length).data()).isNull();
    assertThat(RawJsonMembers.members(EnvelopeDecoder.decode(new String(twice)).data())).isNull();
    assertThat(RawJsonMembers.members(RawJson.of(last.bytes()))).isNull();
  }

  @Test
  @DisplayName("members are counted from d, wherever the payload sits in its buffer")
  void membersAreCountedFromD() {
    byte[] payload = payload(MESSAGE.getBytes(StandardCharsets.UTF_8));
    byte[] framed = new byte[payload.length + 20];
    System.arraycopy(payload, 0, framed, 7, payload.length);
    Arrays.fill(framed, 0, 7, (byte) '[');

    RawJson data = EnvelopeDecoder.decode(framed, 7, payload.length).data();

    assertThat(RawJsonMembers.members(data)).isEqualTo(memberStarts(data.bytes()));
    assertBothIndexesAgree(data);
  }

  @Test
  @DisplayName(
      "an object with more members than recorded carries none, and is indexed all the same")
  void aVeryLargeObjectCarriesNoMembers() {
    int max = EnvelopeScanner.Bytes.MAX_MEMBERS;
    RawJson atMost = dispatchData(manyMembers(max));
    RawJson tooMany = dispatchData(manyMembers(max + 1));

    assertThat(RawJsonMembers.members(atMost)).hasSize(max);
    assertThat(RawJsonMembers.members(tooMany)).isNull();
    assertBothIndexesAgree(atMost);
    assertBothIndexesAgree(tooMany);
  }

  @Test
  @DisplayName("whenever a damaged d still takes the fast path, both indexes agree")
  void damagedObjectsIndexTheSameBothWays() {
    SplittableRandom random = new SplittableRandom(20261202);
    byte[] base = MESSAGE.getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\",:\\ \n0123456789.eE+-tfnrulasd".getBytes(StandardCharsets.UTF_8);
    int carried = 0;
    for (int round = 0; round < 3_000; round++) {
      byte[] mutated = base.clone();
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
      }
      byte[] payload = payload(mutated);
      Envelope envelope;
      try {
        envelope = EnvelopeDecoder.decode(payload, 0, payload.length);
      } catch (GatewayException e) {
        continue;
      }
      RawJson data = envelope.data();
      if (data != null && RawJsonMembers.members(data) != null) {
        carried++;
        assertThat(RawJsonMembers.members(data)).isEqualTo(memberStarts(data.bytes()));
        assertBothIndexesAgree(data);
      }
    }
    assertThat(carried).isPositive();
  }

  private static byte[] manyMembers(int count) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 1; i < count; i++) { // and the content: count members
      json.append(i == 1 ? "" : ", ").append("\"k").append(i).append("\": ").append(i);
    }
    return json.append(count == 1 ? "" : ",")
        .append("\"content\":\"last\"}")
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The index from the recorded members and the index of its own pass find the same values. */
  private static void assertBothIndexesAgree(RawJson data) {
    byte[] json = data.bytes();
    int[] members = RawJsonMembers.members(data);
    for (FieldNames names : NAMES) {
      FieldIndex own = FieldIndex.of(json, names);
      FieldIndex viaRaw = FieldIndex.of(data, names);
      assertThat(spans(viaRaw, names)).isEqualTo(spans(own, names));
      if (members != null) {
        assertThat(spans(FieldIndex.of(json, members, names), names)).isEqualTo(spans(own, names));
      }
    }
  }

  private static List<String> spans(FieldIndex index, FieldNames names) {
    if (index == null) {
      return null;
    }
    List<String> spans = new ArrayList<>();
    for (int slot = 0; slot < names.slots(); slot++) {
      spans.add(index.start(slot) < 0 ? "-" : index.start(slot) + ".." + index.end(slot));
    }
    return spans;
  }

  private static byte[] payload(byte[] d) {
    byte[] head =
        "{\"op\":0,\"s\":1,\"t\":\"MESSAGE_CREATE\",\"d\":".getBytes(StandardCharsets.UTF_8);
    byte[] tail = " }".getBytes(StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOf(head, head.length + d.length + tail.length);
    System.arraycopy(d, 0, payload, head.length, d.length);
    System.arraycopy(tail, 0, payload, head.length + d.length, tail.length);
    return payload;
  }

  private static RawJson dispatchData(byte[] d) {
    byte[] payload = payload(d);
    return EnvelopeDecoder.decode(payload, 0, payload.length).data();
  }

  private static byte[] trimmed(byte[] json) {
    String text = new String(json, StandardCharsets.UTF_8).strip();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Where each top-level key of an object starts, found by the streaming parser; {@code null} for
   * anything but an object with members.
   */
  private static int[] memberStarts(byte[] json) {
    try (JsonParser parser =
        GatewayJson.factory().createParser(ObjectReadContext.empty(), json, 0, json.length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<Integer> starts = new ArrayList<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        starts.add((int) parser.currentTokenLocation().getByteOffset());
        parser.nextToken();
        parser.skipChildren();
      }
      return starts.isEmpty() ? null : starts.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
