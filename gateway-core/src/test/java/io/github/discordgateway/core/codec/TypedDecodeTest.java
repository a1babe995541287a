package io.github.discordgateway.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.event.MessageCreate;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's typed decode: Discord timestamps read without a formatter give exactly Jackson's
 * values (and Jackson's errors for everything else), and a MESSAGE_CREATE binds in one pass with
 * little garbage.
 */
class TypedDecodeTest {

  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private static final int WARMUP = 5_000;
  private static final int MEASURED = 2_000;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-02T04:40:42.295747+00:00",
        "2026-12-02T04:40:42+00:00",
        "2026-12-02T04:40:42Z",
        "2026-12-02T04:40:42.1Z",
        "2026-12-02T04:40:42.123456789+00:00",
        "2024-02-29T23:59:59.999+00:00",
        "2026-12-02T04:40:42.295747+02:00",
        "2026-12-02T04:40:42.295747-05:30",
        "2026-12-02T04:40:42.+00:00"
      })
  void discordTimestampsDecodeToTheSameInstantAndOffsetAsJacksonGives(String timestamp) {
    String json = "\"" + timestamp + "\"";

    OffsetDateTime fast = GatewayJson.mapper().readValue(json, OffsetDateTime.class);

    assertThat(fast).isEqualTo(PLAIN.readValue(json, OffsetDateTime.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T04:40:42+00:00",
        "2026-12-02T24:40:42+00:00",
        "2026-12-02T04:40:42.1234567891+00:00",
        "2026-12-02 04:40:42+00:00",
        "not a time"
      })
  void malformedTimestampsFailAsJacksonFails(String timestamp) {
    String json = "\"" + timestamp + "\"";

    assertThatThrownBy(() -> PLAIN.readValue(json, OffsetDateTime.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> GatewayJson.mapper().readValue(json, OffsetDateTime.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void messageCreateReadsTheMessageAndTheGatewayExtrasFromOneObject() {
    MessageCreate event = RawJson.of(messageCreate(7)).decode(MessageCreate.class);

    assertThat(event.message().id()).isEqualTo(1577545020662087683L);
    assertThat(event.message().content()).startsWith("fine latency looks again");
    assertThat(event.message().timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-12-02T04:40:42.295747Z"));
    assertThat(event.author().username()).isEqualTo("dennis_r");
    assertThat(event.guildId()).isEqualTo(573544236423708672L);
    assertThat(event.member().joinedAt())
        .isEqualTo(OffsetDateTime.parse("2026-12-01T04:40:42.295747Z"));
    assertThat(event.channelType()).isZero();
    assertThat(event).isEqualTo(PLAIN.readValue(messageCreate(7), MessageCreate.class));
  }

  @Test
  void messageCreateDecodeAllocatesAboutTwiceThePayloadNotTheTenTimesOfABufferedBind() {
    byte[] payload = messageCreate(7);
    assertThat(payload.length).isBetween(1_000, 1_300);
    for (int i = 0; i < WARMUP; i++) {
      RawJson.of(payload).decode(MessageCreate.class);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    long contentLength = 0;
    for (int i = 0; i < MEASURED; i++) {
      contentLength += RawJson.of(payload).decode(MessageCreate.class).message().content().length();
    }
    long perDecode = (threads.getThreadAllocatedBytes(thread) - before) / MEASURED;

    assertThat(contentLength).isPositive();
    // JMH measures 2.3 KB for this payload once compiled; the margin covers a less optimised JIT.
    assertThat(perDecode).isLessThan(payload.length * 5L / 2);
  }

  @Test
  void aSecondReadOfTheSamePayloadReturnsTheSameRecord() {
    RawJson data = RawJson.of(messageCreate(7));

    Message first = data.decode(MessageCreate.class).message();

    assertThat(data.decode(MessageCreate.class).message()).isSameAs(first);
  }

  /** A MESSAGE_CREATE {@code d} shaped like the benchmark's (about 1.15 KB). */
  private static byte[] messageCreate(int seed) {
    String content =
        "fine latency looks again bumped again you can the my the shard staging build pull please"
            + " tomorrow staging when and please latency green build netty latency and bumped we"
            + " jackson green green ship tomorrow looks is you we we latency after it green when"
            + " resume pull please and fine shard shard looks my it again please staging looks we"
            + " when again looks we ship is looks it pull "
            + seed
            + " ".repeat(140);
    return ("{\"id\":\"1577545020662087683\",\"channel_id\":\"573544236507463682\","
            + "\"guild_id\":\"573544236423708672\",\"type\":0,\"author\":{\"id\":"
            + "\"573544269978009608\",\"username\":\"dennis_r\",\"discriminator\":\"0\","
            + "\"global_name\":\"dennis_r\",\"avatar\":null,\"public_flags\":0,"
            + "\"avatar_decoration_data\":null,\"collectibles\":null,\"primary_guild\":null},"
            + "\"member\":{\"nick\":null,\"avatar\":null,\"banner\":null,\"roles\":[],"
            + "\"joined_at\":\"2026-12-01T04:40:42.295747+00:00\",\"premium_since\":null,"
            + "\"deaf\":false,\"mute\":false,\"flags\":0,\"communication_disabled_until\":null},"
            + "\"content\":\""
            + content
            + "\",\"timestamp\":\"2026-12-02T04:40:42.295747+00:00\",\"edited_timestamp\":null,"
            + "\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],"
            + "\"attachments\":[],\"embeds\":[],\"pinned\":false,\"flags\":0,\"components\":[],"
            + "\"nonce\":\"1577545020666281988\",\"channel_type\":0}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
