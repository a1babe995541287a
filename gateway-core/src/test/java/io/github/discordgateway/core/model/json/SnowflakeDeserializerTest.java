package io.github.discordgateway.core.model.json;

import static io.github.discordgateway.core.model.ModelJson.DEFAULT;
import static io.github.discordgateway.core.model.ModelJson.MAPPERS;
import static io.github.discordgateway.core.model.ModelJson.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.model.ResolvedData;
import io.github.discordgateway.core.model.SnowflakeIds;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.event.MessageDelete;
import io.github.discordgateway.core.model.event.MessageDeleteBulk;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;

class SnowflakeDeserializerTest {

  @Test
  void readsSnowflakeFromJsonString() {
    assertThat(decode("{\"id\":\"573544236423708672\"}", User.class).id())
        .isEqualTo(573544236423708672L);
  }

  @Test
  void readsSnowflakeFromJsonNumber() {
    assertThat(decode("{\"id\":123123}", User.class).id()).isEqualTo(123123L);
  }

  @Test
  void readsIdsAboveSignedRangeAsUnsigned() {
    User fromString = decode("{\"id\":\"18446744073709551615\"}", User.class);
    User fromNumber = decode("{\"id\":18446744073709551615}", User.class);

    assertThat(fromString.id()).isEqualTo(-1L);
    assertThat(SnowflakeIds.toString(fromString.id())).isEqualTo("18446744073709551615");
    assertThat(fromNumber.id()).isEqualTo(-1L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"18446744073709551616\"",
        "18446744073709551616",
        "\"-1\"",
        "-5",
        "\"12ab\"",
        "\"\"",
        "1.5",
        "true",
        "{}",
        "[]"
      })
  void rejectsValuesThatAreNotUnsigned64BitIntegersNamingTheField(String value) {
    for (ObjectMapper mapper : MAPPERS) {
      assertThatThrownBy(() -> mapper.readValue("{\"id\":" + value + "}", User.class))
          .isInstanceOf(DatabindException.class)
          .satisfies(
              e ->
                  assertThat(((DatabindException) e).getPath())
                      .last()
                      .extracting(ref -> ref.getPropertyName())
                      .isEqualTo("id"));
    }
  }

  @Test
  void overflowIsReportedNotSilentlyWrapped() {
    assertThatThrownBy(
            () -> DEFAULT.readValue("{\"guild_id\":\"99999999999999999999\"}", MessageDelete.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("99999999999999999999")
        .hasMessageContaining("guild_id");
  }

  @Test
  void absentRequiredSnowflakeIsZeroAndAbsentOptionalSnowflakeIsNull() {
    MessageDelete delete = decode("{}", MessageDelete.class);

    assertThat(delete.id()).isZero();
    assertThat(delete.guildId()).isNull();
    assertThat(decode("{\"id\":null,\"guild_id\":null}", MessageDelete.class)).isEqualTo(delete);
  }

  @Test
  void readsSnowflakeListsFromMixedStringsAndNumbers() {
    MessageDeleteBulk bulk =
        decode("{\"ids\":[\"1\",2,\"18446744073709551615\"]}", MessageDeleteBulk.class);

    assertThat(bulk.ids()).containsExactly(1L, 2L, -1L);
  }

  @Test
  void rejectsAnOverflowingListElement() {
    assertThatThrownBy(
            () ->
                DEFAULT.readValue(
                    "{\"ids\":[\"1\",\"18446744073709551616\"]}", MessageDeleteBulk.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("ids");
  }

  @Test
  void readsSnowflakeMapKeysAndRejectsBadOnes() {
    ResolvedData resolved =
        decode(
            "{\"users\":{\"18446744073709551615\":{\"id\":\"18446744073709551615\"}}}",
            ResolvedData.class);

    assertThat(resolved.users()).containsOnlyKeys(-1L);
    assertThatThrownBy(
            () -> DEFAULT.readValue("{\"users\":{\"abc\":{\"id\":\"1\"}}}", ResolvedData.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("abc");
  }

  @Test
  void writesSnowflakesAsUnsignedStrings() {
    String json =
        DEFAULT.writeValueAsString(new MessageDeleteBulk(java.util.List.of(-1L, 7L), 5L, null));

    assertThat(json).isEqualTo("{\"ids\":[\"18446744073709551615\",\"7\"],\"channel_id\":\"5\"}");
  }

  @Test
  void snowflakeCreationTimeUsesTheDiscordEpoch() {
    assertThat(SnowflakeIds.createdAt(573544236423708672L))
        .isEqualTo(Instant.parse("2019-05-02T16:20:01.900Z"));
    assertThat(SnowflakeIds.parse("18446744073709551615")).isEqualTo(-1L);
  }
}
