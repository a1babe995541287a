package io.github.discordgateway.core.model.event;

import static io.github.discordgateway.core.model.ModelJson.DEFAULT;
import static io.github.discordgateway.core.model.ModelJson.decode;
import static io.github.discordgateway.core.model.ModelJson.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.model.ActivityType;
import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.ChannelType;
import io.github.discordgateway.core.model.CommandOption;
import io.github.discordgateway.core.model.CommandOptionType;
import io.github.discordgateway.core.model.Interaction;
import io.github.discordgateway.core.model.InteractionType;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.MessageType;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.Role;
import io.github.discordgateway.core.model.SnowflakeIds;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.UserMention;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.testing.ExamplePayloads;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ExamplePayloadsTest {

  private static final long GUILD = 573544236423708672L;
  private static final long GENERAL = 573544238101430274L;
  private static final long BOT = 1085128370007572480L;
  private static final long MARISOL = 320270390788100099L;
  private static final long TOBIAS = 779241004246114311L;
  private static final long FERN = 413443573791588363L;

  static Stream<String> dispatchExamples() {
    List<String> dispatches =
        ExamplePayloads.NAMES.stream()
            .filter(name -> example(name).path("op").asInt(-1) == 0)
            .toList();
    assertThat(dispatches).hasSizeGreaterThanOrEqualTo(8);
    return dispatches.stream();
  }

  @ParameterizedTest
  @MethodSource("dispatchExamples")
  void everyDispatchExampleDecodesIntoItsRegisteredRecordAndSurvivesARoundTrip(String file) {
    JsonNode envelope = example(file);
    EventType type = EventType.of(envelope.get("t").asString()).orElseThrow();
    Class<?> recordType = DispatchPayloads.payloadType(type);

    Object payload = decode(envelope.get("d"), recordType);

    assertThat(payload).isInstanceOf(recordType);
    String written = DEFAULT.writeValueAsString(payload);
    assertThat(decode(written, recordType)).isEqualTo(payload);
  }

  @Test
  void readyCarriesSessionGuildsShardAndApplication() {
    Ready ready = decode(example("ready.json").get("d"), Ready.class);

    assertThat(ready.v()).isEqualTo(10);
    assertThat(ready.user().id()).isEqualTo(BOT);
    assertThat(ready.user().username()).isEqualTo("Snowflake Relay");
    assertThat(ready.user().discriminator()).isEqualTo("4821");
    assertThat(ready.user().bot()).isTrue();
    assertThat(ready.user().verified()).isTrue();
    assertThat(ready.user().mfaEnabled()).isFalse();
    assertThat(ready.user().email()).isNull();
    assertThat(ready.user().globalName()).isNull();
    assertThat(ready.user().displayName()).isEqualTo("Snowflake Relay");
    assertThat(ready.guilds())
        .extracting(UnavailableGuild::id)
        .containsExactly(GUILD, 888741834208317440L, 1193653073398996993L);
    assertThat(ready.guilds()).allMatch(UnavailableGuild::outage);
    assertThat(ready.sessionId()).isEqualTo("9f2c4e7a1b3d5f60718293a4b5c6d7e8");
    assertThat(ready.resumeGatewayUrl()).isEqualTo("wss://gateway-us-east1-c.discord.gg");
    assertThat(ready.shard()).containsExactly(0, 1);
    assertThat(ready.shardId()).contains(0);
    assertThat(ready.shardCount()).contains(1);
    assertThat(ready.application().id()).isEqualTo(BOT);
    assertThat(ready.application().flags()).isEqualTo(8945664L);
  }

  @Test
  void resumedWithOnlyUndocumentedKeysDecodes() {
    assertThat(decode(example("resumed.json").get("d"), Resumed.class)).isEqualTo(new Resumed());
  }

  @Test
  void guildCreateCarriesTheGuildAndEveryExtra() {
    GuildCreate created = decode(example("guild_create.json").get("d"), GuildCreate.class);

    assertThat(created.id()).isEqualTo(GUILD);
    assertThat(created.guild().name()).isEqualTo("Maple Street Makers");
    assertThat(created.guild().ownerId()).isEqualTo(MARISOL);
    assertThat(created.guild().afkChannelId()).isNull();
    assertThat(created.guild().afkTimeout()).isEqualTo(300);
    assertThat(created.guild().verificationLevel()).isEqualTo(1);
    assertThat(created.guild().explicitContentFilter()).isEqualTo(2);
    assertThat(created.guild().features()).contains("COMMUNITY", "SOUNDBOARD").hasSize(5);
    assertThat(created.guild().maxPresences()).isNull();
    assertThat(created.guild().maxMembers()).isEqualTo(500000);
    assertThat(created.guild().premiumTier()).isEqualTo(1);
    assertThat(created.guild().premiumSubscriptionCount()).isEqualTo(4);
    assertThat(created.guild().preferredLocale()).isEqualTo("en-US");
    assertThat(created.guild().systemChannelId()).isEqualTo(GENERAL);
    assertThat(created.guild().stickers()).isEmpty();
    assertThat(created.guild().incidentsData()).isNull();
    assertThat(created.guild().emojis())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(809030909952004096L);
              assertThat(e.name()).isEqualTo("solder");
              assertThat(e.requireColons()).isTrue();
              assertThat(e.roles()).isEmpty();
            });

    assertThat(created.joinedAt()).isEqualTo(OffsetDateTime.parse("2023-03-20T17:45:10.25Z"));
    assertThat(created.large()).isFalse();
    assertThat(created.unavailable()).isFalse();
    assertThat(created.available()).isTrue();
    assertThat(created.memberCount()).isEqualTo(4);
    assertThat(created.stageInstances()).isEmpty();
    assertThat(created.soundboardSounds()).isEmpty();
  }

  @Test
  void guildCreateRolesKeepPermissionsColorsAndPresenceEncodedTags() {
    GuildCreate created = decode(example("guild_create.json").get("d"), GuildCreate.class);

    Role everyone = created.guild().role(GUILD).orElseThrow();
    assertThat(everyone.name()).isEqualTo("@everyone");
    assertThat(everyone.permissions()).isEqualTo("633630186917441");
    assertThat(everyone.colors().primaryColor()).isZero();
    assertThat(everyone.colors().secondaryColor()).isNull();
    assertThat(everyone.tags()).isNull();

    Role moderators = created.guild().role(573810986188931076L).orElseThrow();
    assertThat(moderators.hoist()).isTrue();
    assertThat(moderators.mentionable()).isTrue();
    assertThat(moderators.position()).isEqualTo(3);
    assertThat(moderators.color()).isEqualTo(15105570);
    assertThat(moderators.unicodeEmoji()).isEqualTo("🛠️");

    Role botRole = created.guild().role(1087431655817351168L).orElseThrow();
    assertThat(botRole.managed()).isTrue();
    assertThat(botRole.tags().botId()).isEqualTo(BOT);
    assertThat(botRole.tags().premiumSubscriber()).isFalse();

    Role booster = created.guild().role(587921463705731077L).orElseThrow();
    assertThat(booster.tags().premiumSubscriber()).isTrue();
    assertThat(booster.tags().botId()).isNull();
    assertThat(booster.tags().availableForPurchase()).isFalse();
    assertThat(booster.tags().guildConnections()).isFalse();
  }

  @Test
  void guildCreateChannelsThreadsAndVoiceStatesLackTheirGuildId() {
    GuildCreate created = decode(example("guild_create.json").get("d"), GuildCreate.class);

    assertThat(created.channels())
        .extracting(Channel::channelType)
        .containsExactly(
            ChannelType.GUILD_CATEGORY, ChannelType.GUILD_TEXT, ChannelType.GUILD_VOICE);
    assertThat(created.channels()).allMatch(c -> c.guildId() == null);
    Channel general = created.channels().get(1);
    assertThat(general.id()).isEqualTo(GENERAL);
    assertThat(general.topic()).isEqualTo("Show off your builds. Be kind.");
    assertThat(general.parentId()).isEqualTo(573544237262569473L);
    assertThat(general.lastMessageId()).isEqualTo(1534879264971829250L);
    assertThat(general.lastPinTimestamp()).isNull();
    assertThat(general.defaultAutoArchiveDuration()).isEqualTo(1440);
    assertThat(general.permissionOverwrites())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(GUILD);
              assertThat(o.type()).isZero();
              assertThat(o.allow()).isEqualTo("0");
              assertThat(o.deny()).isEqualTo("131072");
            });
    Channel voice = created.channels().get(2);
    assertThat(voice.bitrate()).isEqualTo(64000);
    assertThat(voice.userLimit()).isZero();
    assertThat(voice.rtcRegion()).isNull();
    assertThat(voice.lastMessageId()).isNull();

    Channel thread = created.threads().get(0);
    assertThat(thread.thread()).isTrue();
    assertThat(thread.channelType()).isEqualTo(ChannelType.PUBLIC_THREAD);
    assertThat(thread.guildId()).isEqualTo(GUILD);
    assertThat(thread.ownerId()).isEqualTo(TOBIAS);
    assertThat(thread.messageCount()).isEqualTo(37);
    assertThat(thread.memberCount()).isEqualTo(3);
    assertThat(thread.totalMessageSent()).isEqualTo(39);
    assertThat(thread.threadMetadata().archived()).isFalse();
    assertThat(thread.threadMetadata().autoArchiveDuration()).isEqualTo(10080);
    assertThat(thread.threadMetadata().archiveTimestamp())
        .isEqualTo(OffsetDateTime.parse("2026-08-01T08:00:00Z"));
    assertThat(thread.threadMetadata().createTimestamp()).isNotNull();
    assertThat(thread.member().id()).isNull();
    assertThat(thread.member().userId()).isNull();
    assertThat(thread.member().flags()).isEqualTo(1);
    assertThat(thread.member().joinTimestamp())
        .isEqualTo(OffsetDateTime.parse("2026-08-01T08:05:12.004Z"));

    assertThat(created.voiceStates())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.guildId()).isNull();
              assertThat(v.channelId()).isEqualTo(573544238940291075L);
              assertThat(v.userId()).isEqualTo(TOBIAS);
              assertThat(v.sessionId()).isEqualTo("c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6");
              assertThat(v.selfMute()).isTrue();
              assertThat(v.selfDeaf()).isFalse();
              assertThat(v.selfStream()).isFalse();
              assertThat(v.requestToSpeakTimestamp()).isNull();
            });
  }

  @Test
  void guildCreateMembersPresencesAndScheduledEvents() {
    GuildCreate created = decode(example("guild_create.json").get("d"), GuildCreate.class);

    assertThat(created.members()).hasSize(4);
    assertThat(created.members().get(0).user().bot()).isTrue();
    Member mari = created.members().get(1);
    assertThat(mari.user().id()).isEqualTo(MARISOL);
    assertThat(mari.user().globalName()).isEqualTo("Marisol");
    assertThat(mari.user().publicFlags()).isEqualTo(64);
    assertThat(mari.user().avatarDecorationData()).isNull();
    assertThat(mari.nick()).isEqualTo("Mari");
    assertThat(mari.roles()).containsExactly(573810986188931076L, 587921463705731077L);
    assertThat(mari.premiumSince()).isEqualTo(OffsetDateTime.parse("2024-11-02T09:14:27.338Z"));
    assertThat(mari.pending()).isFalse();
    assertThat(mari.deaf()).isFalse();
    assertThat(created.members().get(2).flags()).isEqualTo(2);

    Presence mariPresence = created.presences().get(0);
    assertThat(mariPresence.userId()).isEqualTo(MARISOL);
    assertThat(mariPresence.guildId()).isNull();
    assertThat(mariPresence.status()).isEqualTo("online");
    assertThat(mariPresence.clientStatus().desktop()).isEqualTo("online");
    assertThat(mariPresence.clientStatus().mobile()).isNull();
    assertThat(mariPresence.activities())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.activityType()).isEqualTo(ActivityType.CUSTOM);
              assertThat(a.state()).isEqualTo("Soldering something questionable");
              assertThat(a.emoji().name()).isEqualTo("🔥");
              assertThat(a.emoji().id()).isNull();
              assertThat(a.createdAt()).isEqualTo(1786012345678L);
            });
    assertThat(created.presences().get(1).activities()).isEmpty();

    assertThat(created.guildScheduledEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(1531738010419204098L);
              assertThat(e.guildId()).isEqualTo(GUILD);
              assertThat(e.creatorId()).isEqualTo(MARISOL);
              assertThat(e.name()).isEqualTo("Monthly show & tell");
              assertThat(e.scheduledStartTime())
                  .isEqualTo(OffsetDateTime.parse("2026-08-15T18:00:00Z"));
              assertThat(e.scheduledEndTime()).isNull();
              assertThat(e.privacyLevel()).isEqualTo(2);
              assertThat(e.entityType()).isEqualTo(2);
              assertThat(e.entityId()).isNull();
              assertThat(e.userCount()).isEqualTo(12);
            });
  }

  @Test
  void messageCreateExposesTheMessageAndTheGatewayExtras() {
    MessageCreate event = decode(example("message_create.json").get("d"), MessageCreate.class);
    Message message = event.message();

    assertThat(message.id()).isEqualTo(1534902599319433228L);
    assertThat(SnowflakeIds.createdAt(message.id()))
        .isEqualTo(Instant.parse("2026-08-06T12:34:56.789Z"));
    assertThat(event.channelId()).isEqualTo(GENERAL);
    assertThat(event.guildId()).isEqualTo(GUILD);
    assertThat(event.channelType()).isZero();
    assertThat(message.messageType()).isEqualTo(MessageType.REPLY);
    assertThat(message.content()).startsWith("<@413443573791588363> no-clean gel flux works well");
    assertThat(message.timestamp()).isEqualTo(OffsetDateTime.parse("2026-08-06T12:34:56.789Z"));
    assertThat(message.editedTimestamp()).isNull();
    assertThat(message.tts()).isFalse();
    assertThat(message.mentionEveryone()).isFalse();
    assertThat(message.pinned()).isFalse();
    assertThat(message.nonce()).isEqualTo("1534902598732070912");
    assertThat(message.embeds()).isEmpty();
    assertThat(message.components()).isEmpty();
    assertThat(message.mentionRoles()).isEmpty();
    assertThat(message.reactions()).isEmpty();
    assertThat(message.webhookId()).isNull();
    assertThat(message.fromWebhook()).isFalse();

    assertThat(event.author().id()).isEqualTo(TOBIAS);
    assertThat(event.author().username()).isEqualTo("tobias_k");
    assertThat(event.member().user()).isNull();
    assertThat(event.member().flags()).isEqualTo(2);
    assertThat(event.member().pending()).isNull();
    assertThat(event.member().joinedAt())
        .isEqualTo(OffsetDateTime.parse("2021-01-04T22:10:45.551Z"));
  }

  @Test
  void messageCreateMentionsCarryAPartialMember() {
    Message message =
        decode(example("message_create.json").get("d"), MessageCreate.class).message();

    UserMention fern = message.mentions().get(0);
    assertThat(message.mentions()).hasSize(1);
    assertThat(fern.id()).isEqualTo(FERN);
    assertThat(fern.user().username()).isEqualTo("quietfern");
    assertThat(fern.user().publicFlags()).isEqualTo(128);
    assertThat(fern.member().nick()).isEqualTo("fern");
    assertThat(fern.member().user()).isNull();
    assertThat(message.mentionedUsers()).extracting(User::id).containsExactly(FERN);
  }

  @Test
  void messageCreateAttachmentReferenceAndReferencedMessage() {
    Message message =
        decode(example("message_create.json").get("d"), MessageCreate.class).message();

    assertThat(message.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(1534902596429557770L);
              assertThat(a.filename()).isEqualTo("board-v3.jpg");
              assertThat(a.size()).isEqualTo(482113L);
              assertThat(a.contentType()).isEqualTo("image/jpeg");
              assertThat(a.width()).isEqualTo(1600);
              assertThat(a.height()).isEqualTo(1200);
              assertThat(a.placeholderVersion()).isEqualTo(1);
              assertThat(a.url()).startsWith("https://cdn.discordapp.com/attachments/");
              assertThat(a.proxyUrl()).startsWith("https://media.discordapp.net/attachments/");
            });
    assertThat(message.messageReference().type()).isZero();
    assertThat(message.messageReference().messageId()).isEqualTo(1534902277725368324L);
    assertThat(message.messageReference().channelId()).isEqualTo(GENERAL);
    assertThat(message.messageReference().guildId()).isEqualTo(GUILD);

    assertThat(message.referencedMessage().isPresent()).isTrue();
    Message replied = message.referencedMessage().get();
    assertThat(replied.id()).isEqualTo(1534902277725368324L);
    assertThat(replied.content()).isEqualTo("Anyone know a good flux for SMD work?");
    assertThat(replied.author().id()).isEqualTo(FERN);
    assertThat(replied.messageType()).isEqualTo(MessageType.DEFAULT);
    assertThat(replied.referencedMessage().isAbsent()).isTrue();
  }

  @Test
  void interactionCreateCarriesCommandOptionsResolvedDataAndInvoker() {
    Interaction interaction =
        decode(example("interaction_create.json").get("d"), Interaction.class);

    assertThat(interaction.id()).isEqualTo(1534903880515846153L);
    assertThat(interaction.applicationId()).isEqualTo(BOT);
    assertThat(interaction.interactionType()).isEqualTo(InteractionType.APPLICATION_COMMAND);
    assertThat(interaction.guildId()).isEqualTo(GUILD);
    assertThat(interaction.channelId()).isEqualTo(GENERAL);
    assertThat(interaction.guild().id()).isEqualTo(GUILD);
    assertThat(interaction.guild().features()).hasSize(5);
    assertThat(interaction.channel().name()).isEqualTo("general");
    assertThat(interaction.channel().permissions()).isEqualTo("9007199254740991");
    assertThat(interaction.member().permissions()).isEqualTo("9007199254740991");
    assertThat(interaction.invoker()).map(User::id).contains(MARISOL);
    assertThat(interaction.user()).isNull();
    assertThat(interaction.version()).isEqualTo(1);
    assertThat(interaction.appPermissions()).isEqualTo("633647366786625");
    assertThat(interaction.locale()).isEqualTo("en-GB");
    assertThat(interaction.guildLocale()).isEqualTo("en-US");
    assertThat(interaction.entitlements()).isEmpty();
    assertThat(interaction.authorizingIntegrationOwners()).isEqualTo(Map.of("0", GUILD));
    assertThat(interaction.context()).isZero();
    assertThat(interaction.attachmentSizeLimit()).isEqualTo(10485760L);
    assertThat(interaction.token()).startsWith("aW50ZXJhY3Rpb24");

    assertThat(interaction.data().id()).isEqualTo(1085502652416000004L);
    assertThat(interaction.data().name()).isEqualTo("remind");
    assertThat(interaction.data().type()).isEqualTo(1);
    assertThat(interaction.data().guildId()).isEqualTo(GUILD);
    CommandOption in = interaction.data().option("in").orElseThrow();
    assertThat(in.optionType()).isEqualTo(CommandOptionType.SUB_COMMAND);
    assertThat(in.value()).isNull();
    assertThat(in.option("minutes").flatMap(CommandOption::longValue)).contains(30L);
    assertThat(in.option("note").flatMap(CommandOption::stringValue))
        .contains("Check the reflow profile");
    CommandOption notify = in.option("notify").orElseThrow();
    assertThat(notify.optionType()).isEqualTo(CommandOptionType.USER);
    assertThat(notify.snowflakeValue()).contains(TOBIAS);
    assertThat(notify.longValue()).isEmpty();

    User resolvedUser = interaction.data().resolved().users().get(TOBIAS);
    assertThat(resolvedUser.username()).isEqualTo("tobias_k");
    Member resolvedMember = interaction.data().resolved().members().get(TOBIAS);
    assertThat(resolvedMember.user()).isNull();
    assertThat(resolvedMember.deaf()).isNull();
    assertThat(resolvedMember.mute()).isNull();
    assertThat(resolvedMember.flags()).isEqualTo(2);
    assertThat(resolvedMember.permissions()).isEqualTo("633630186917441");
    assertThat(interaction.data().resolved().roles()).isEmpty();
  }

  @Test
  void interactionToStringRedactsTheToken() {
    Interaction interaction =
        decode(example("interaction_create.json").get("d"), Interaction.class);

    assertThat(interaction.toString())
        .contains("<redacted>")
        .doesNotContain(interaction.token())
        .contains("1534903880515846153");
  }

  @Test
  void guildMembersChunkAcceptsANumericNotFoundId() {
    GuildMembersChunk chunk =
        decode(example("guild_members_chunk.json").get("d"), GuildMembersChunk.class);

    assertThat(chunk.guildId()).isEqualTo(GUILD);
    assertThat(chunk.members()).extracting(m -> m.user().id()).containsExactly(TOBIAS, FERN);
    assertThat(chunk.members().get(0).pending()).isFalse();
    assertThat(chunk.chunkIndex()).isZero();
    assertThat(chunk.chunkCount()).isEqualTo(1);
    assertThat(chunk.last()).isTrue();
    assertThat(chunk.notFound()).containsExactly(123123L);
    assertThat(chunk.nonce()).isEqualTo("req-7f3a91c2");
    assertThat(chunk.presences())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.userId()).isEqualTo(TOBIAS);
              assertThat(p.status()).isEqualTo("idle");
              assertThat(p.clientStatus().mobile()).isEqualTo("idle");
              assertThat(p.activities()).isEmpty();
            });
  }

  @Test
  void presenceUpdateWithAPartialUserAndTwoActivities() {
    Presence presence = decode(example("presence_update.json").get("d"), Presence.class);

    assertThat(presence.user().id()).isEqualTo(MARISOL);
    assertThat(presence.user().username()).isNull();
    assertThat(presence.user().bot()).isFalse();
    assertThat(presence.guildId()).isEqualTo(GUILD);
    assertThat(presence.status()).isEqualTo("dnd");
    assertThat(presence.clientStatus().desktop()).isEqualTo("dnd");
    assertThat(presence.clientStatus().mobile()).isEqualTo("idle");
    assertThat(presence.clientStatus().web()).isNull();
    assertThat(presence.activities()).hasSize(2);

    assertThat(presence.activities().get(0).activityType()).isEqualTo(ActivityType.CUSTOM);
    assertThat(presence.activities().get(0).state()).isEqualTo("Heads down: firmware release");
    assertThat(presence.activities().get(0).emoji().name()).isEqualTo("🎧");

    var kicad = presence.activities().get(1);
    assertThat(kicad.name()).isEqualTo("KiCad");
    assertThat(kicad.activityType()).isEqualTo(ActivityType.PLAYING);
    assertThat(kicad.applicationId()).isEqualTo(1075224093640372284L);
    assertThat(kicad.details()).isEqualTo("Routing a 4-layer board");
    assertThat(kicad.state()).isEqualTo("board-v3.kicad_pcb");
    assertThat(kicad.createdAt()).isEqualTo(1786018900000L);
    assertThat(kicad.timestamps().start()).isEqualTo(1786015300000L);
    assertThat(kicad.timestamps().end()).isNull();
    assertThat(kicad.timestamps().startInstant()).contains(Instant.ofEpochMilli(1786015300000L));
    assertThat(kicad.assets().largeImage()).startsWith("mp:external/");
    assertThat(kicad.assets().largeText()).isEqualTo("KiCad 9");
    assertThat(kicad.buttons()).containsExactly("View project");
    assertThat(kicad.flags()).isZero();
  }

  @Test
  void typingStartTimestampIsInSeconds() {
    TypingStart typing = decode(example("typing_start.json").get("d"), TypingStart.class);

    assertThat(typing.channelId()).isEqualTo(GENERAL);
    assertThat(typing.guildId()).isEqualTo(GUILD);
    assertThat(typing.userId()).isEqualTo(TOBIAS);
    assertThat(typing.timestamp()).isEqualTo(1786019688L);
    assertThat(typing.startedAt()).isEqualTo(Instant.ofEpochSecond(1786019688L));
    assertThat(typing.member().user().username()).isEqualTo("tobias_k");
    assertThat(typing.member().pending()).isNull();
    assertThat(typing.member().flags()).isEqualTo(2);
  }
}
