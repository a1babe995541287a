package io.github.discordgateway.core.model;

import static io.github.discordgateway.core.model.ModelJson.DEFAULT;
import static io.github.discordgateway.core.model.ModelJson.MAPPERS;
import static io.github.discordgateway.core.model.ModelJson.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ObjectMapper;

class LenientDecodingTest {

  @Test
  void guildDeleteWithoutUnavailableMeansTheBotWasRemoved() {
    UnavailableGuild deleted = decode("{\"id\":\"42\"}", UnavailableGuild.class);

    assertThat(deleted.unavailable()).isNull();
    assertThat(deleted.removed()).isTrue();
    assertThat(deleted.outage()).isFalse();
  }

  @Test
  void guildDeleteWithUnavailableTrueMeansAnOutage() {
    UnavailableGuild deleted =
        decode("{\"id\":\"42\",\"unavailable\":true}", UnavailableGuild.class);

    assertThat(deleted.unavailable()).isTrue();
    assertThat(deleted.outage()).isTrue();
    assertThat(deleted.removed()).isFalse();
  }

  @Test
  void unknownEnumNumbersAreKeptAndMapToUnknown() {
    Channel channel = decode("{\"id\":\"1\",\"type\":99}", Channel.class);
    Message message = decode("{\"id\":\"1\",\"type\":250}", Message.class);
    Activity activity = decode("{\"name\":\"x\",\"type\":17}", Activity.class);
    Interaction interaction = decode("{\"id\":\"1\",\"type\":12}", Interaction.class);

    assertThat(channel.type()).isEqualTo(99);
    assertThat(channel.channelType()).isEqualTo(ChannelType.UNKNOWN);
    assertThat(message.type()).isEqualTo(250);
    assertThat(message.messageType()).isEqualTo(MessageType.UNKNOWN);
    assertThat(activity.activityType()).isEqualTo(ActivityType.UNKNOWN);
    assertThat(interaction.interactionType()).isEqualTo(InteractionType.UNKNOWN);
    assertThat(ChannelType.of(-1)).isEqualTo(ChannelType.UNKNOWN);
    assertThat(ChannelType.of(16)).isEqualTo(ChannelType.GUILD_MEDIA);
    assertThat(CommandOptionType.of(11)).isEqualTo(CommandOptionType.ATTACHMENT);
  }

  @Test
  void unknownFieldsAreIgnoredEvenByADefaultMapper() {
    String json =
        "{\"id\":\"7\",\"username\":\"a\",\"brand_new\":{\"deep\":[1,{\"x\":null}]},"
            + "\"avatar_decoration_data\":{\"asset\":\"h\",\"sku_id\":\"9\",\"extra\":true},"
            + "\"_trace\":[\"t\"]}";

    User user = decode(json, User.class);

    assertThat(user.id()).isEqualTo(7L);
    assertThat(user.avatarDecorationData()).isEqualTo(new AvatarDecorationData("h", 9L));
  }

  @Test
  void absentAndNullCollectionsReadAsEmpty() {
    Message absent = decode("{\"id\":\"1\"}", Message.class);
    Message nulls =
        decode(
            "{\"id\":\"1\",\"mentions\":null,\"attachments\":null,\"embeds\":null,"
                + "\"mention_roles\":null}",
            Message.class);

    for (Message message : new Message[] {absent, nulls}) {
      assertThat(message.mentions()).isEmpty();
      assertThat(message.mentionRoles()).isEmpty();
      assertThat(message.attachments()).isEmpty();
      assertThat(message.embeds()).isEmpty();
      assertThat(message.reactions()).isEmpty();
      assertThat(message.components()).isEmpty();
      assertThat(message.stickerItems()).isEmpty();
    }
    assertThat(decode("{}", Guild.class).roles()).isEmpty();
    assertThat(decode("{}", Interaction.class).authorizingIntegrationOwners()).isEmpty();
    assertThat(decode("{}", ResolvedData.class).members()).isEmpty();
    assertThat(decode("{}", Member.class).roles()).isEmpty();
  }

  @Test
  void nullElementsAreDroppedFromLists() {
    assertThat(decode("{\"roles\":[\"1\",null,\"2\"]}", Member.class).roles())
        .containsExactly(1L, 2L);
  }

  @Test
  void collectionsAreUnmodifiable() {
    Member member = decode("{\"roles\":[\"1\"]}", Member.class);

    assertThatThrownBy(() -> member.roles().add(2L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void absentOrNullPrimitivesReadAsDefaults() {
    Channel channel = decode("{\"id\":\"1\",\"flags\":null,\"nsfw\":null}", Channel.class);

    assertThat(channel.flags()).isZero();
    assertThat(channel.nsfw()).isFalse();
    assertThat(decode("{}", VoiceState.class).selfMute()).isFalse();
  }

  @Test
  void wrongTypedFieldsFailWithADecodeErrorNamingTheField() {
    assertDecodeFails("{\"id\":\"1\",\"type\":\"voice\"}", Channel.class, "type");
    assertDecodeFails("{\"id\":\"1\",\"timestamp\":\"yesterday\"}", Message.class, "timestamp");
    assertDecodeFails("{\"id\":\"1\",\"author\":\"somebody\"}", Message.class, "author");
    assertDecodeFails("{\"roles\":\"1,2\"}", Member.class, "roles");
    assertDecodeFails("{\"id\":{\"nested\":1}}", User.class, "id");
  }

  private static void assertDecodeFails(String json, Class<?> type, String field) {
    for (ObjectMapper mapper : MAPPERS) {
      assertThatThrownBy(() -> mapper.readValue(json, type))
          .isInstanceOf(DatabindException.class)
          .satisfies(
              e ->
                  assertThat(((DatabindException) e).getPath())
                      .last()
                      .extracting(ref -> ref.getPropertyName())
                      .isEqualTo(field));
    }
  }

  @Test
  void roleTagsKeyPresentWithNullMeansTrueAndAbsentMeansFalse() {
    RoleTags tags =
        decode(
            "{\"premium_subscriber\":null,\"available_for_purchase\":null,"
                + "\"integration_id\":\"5\"}",
            RoleTags.class);
    RoleTags none = decode("{}", RoleTags.class);

    assertThat(tags.premiumSubscriber()).isTrue();
    assertThat(tags.availableForPurchase()).isTrue();
    assertThat(tags.guildConnections()).isFalse();
    assertThat(tags.integrationId()).isEqualTo(5L);
    assertThat(none.premiumSubscriber()).isFalse();
    assertThat(none.availableForPurchase()).isFalse();
  }

  @Test
  void roleTagsAreWrittenBackInDiscordsPresenceEncoding() {
    String json = DEFAULT.writeValueAsString(new RoleTags(null, null, true, null, false, false));

    assertThat(json).isEqualTo("{\"premium_subscriber\":null}");
  }

  @Test
  void referencedMessageDistinguishesAbsentDeletedAndPresent() {
    Message notFetched = decode("{\"id\":\"1\",\"type\":19}", Message.class);
    Message deleted =
        decode("{\"id\":\"1\",\"type\":19,\"referenced_message\":null}", Message.class);
    Message present =
        decode(
            "{\"id\":\"1\",\"type\":19,\"referenced_message\":{\"id\":\"2\",\"content\":\"hi\"}}",
            Message.class);

    assertThat(notFetched.referencedMessage().isAbsent()).isTrue();
    assertThat(deleted.referencedMessage().isNull()).isTrue();
    assertThat(deleted.referencedMessage().value()).isEmpty();
    assertThat(present.referencedMessage().hasValue()).isTrue();
    assertThat(present.referencedMessage().get().content()).isEqualTo("hi");
  }

  @Test
  void referencedMessageStatesSurviveARoundTrip() {
    for (String json :
        new String[] {
          "{\"id\":\"1\"}",
          "{\"id\":\"1\",\"referenced_message\":null}",
          "{\"id\":\"1\",\"referenced_message\":{\"id\":\"2\"}}"
        }) {
      Message message = decode(json, Message.class);
      assertThat(decode(DEFAULT.writeValueAsString(message), Message.class)).isEqualTo(message);
    }
  }

  @Test
  void messageNonceIsReadAsTextWhetherStringOrNumber() {
    assertThat(decode("{\"nonce\":\"abc\"}", Message.class).nonce()).isEqualTo("abc");
    assertThat(decode("{\"nonce\":12345}", Message.class).nonce()).isEqualTo("12345");
  }

  @Test
  void commandOptionValueIsPolymorphic() {
    CommandOption flag = decode("{\"name\":\"f\",\"type\":5,\"value\":true}", CommandOption.class);
    CommandOption number =
        decode("{\"name\":\"n\",\"type\":10,\"value\":2.5}", CommandOption.class);
    CommandOption huge =
        decode("{\"name\":\"h\",\"type\":4,\"value\":99999999999999999999}", CommandOption.class);
    CommandOption text = decode("{\"name\":\"t\",\"type\":3,\"value\":\"x\"}", CommandOption.class);

    assertThat(flag.booleanValue()).contains(true);
    assertThat(flag.longValue()).isEmpty();
    assertThat(number.doubleValue()).contains(2.5);
    assertThat(number.longValue()).isEmpty();
    assertThat(huge.longValue()).isEmpty();
    assertThat(text.stringValue()).contains("x");
    assertThat(text.snowflakeValue()).isEmpty();
    assertThat(text.doubleValue()).isEmpty();
  }

  @Test
  void timestampsKeepMicrosecondPrecision() {
    Message message = decode("{\"timestamp\":\"2015-04-26T06:26:56.936123+00:00\"}", Message.class);

    assertThat(message.timestamp()).isEqualTo(OffsetDateTime.parse("2015-04-26T06:26:56.936123Z"));
    assertThat(message.timestamp().getNano()).isEqualTo(936_123_000);
  }

  @Test
  void possibleStatesAreDistinct() {
    assertThat(Possible.absent()).isNotEqualTo(Possible.ofNull());
    assertThat(Possible.of(null)).isEqualTo(Possible.ofNull());
    assertThat(Possible.of("a")).isEqualTo(Possible.of("a"));
    assertThat(Possible.of("a").orElse("b")).isEqualTo("a");
    assertThat(Possible.<String>absent().orElse("b")).isEqualTo("b");
    assertThatThrownBy(() -> Possible.ofNull().get())
        .isInstanceOf(java.util.NoSuchElementException.class);
  }
}
