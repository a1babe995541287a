package io.github.discordgateway.core.model.event;

import static io.github.discordgateway.core.model.ModelJson.DEFAULT;
import static io.github.discordgateway.core.model.ModelJson.MAPPERS;
import static io.github.discordgateway.core.model.ModelJson.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.Interaction;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.protocol.EventType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.ObjectMapper;

class DispatchPayloadsTest {

  /** A minimal valid {@code d} for every payload record, following the digest's field tables. */
  static final Map<Class<?>, String> SAMPLES =
      Map.ofEntries(
          Map.entry(
              Ready.class,
              "{\"v\":10,\"user\":{\"id\":\"1\",\"username\":\"b\",\"discriminator\":\"0001\",\"global_name\":null,\"avatar\":null},\"guilds\":[{\"id\":\"2\",\"unavailable\":true}],\"session_id\":\"s\",\"resume_gateway_url\":\"wss://r\",\"application\":{\"id\":\"1\",\"flags\":0}}"),
          Map.entry(Resumed.class, "{}"),
          Map.entry(
              RateLimited.class,
              "{\"opcode\":8,\"retry_after\":27.5,\"meta\":{\"guild_id\":\"2\",\"nonce\":\"n\"}}"),
          Map.entry(
              io.github.discordgateway.core.model.ApplicationCommandPermissions.class,
              "{\"id\":\"3\",\"application_id\":\"1\",\"guild_id\":\"2\",\"permissions\":[{\"id\":\"2\",\"type\":1,\"permission\":true}]}"),
          Map.entry(
              io.github.discordgateway.core.model.AutoModerationRule.class,
              "{\"id\":\"3\",\"guild_id\":\"2\",\"name\":\"r\",\"creator_id\":\"1\",\"event_type\":1,\"trigger_type\":1,\"trigger_metadata\":{\"keyword_filter\":[\"x\"]},\"actions\":[{\"type\":1,\"metadata\":{}}],\"enabled\":true,\"exempt_roles\":[],\"exempt_channels\":[\"4\"]}"),
          Map.entry(
              AutoModerationActionExecution.class,
              "{\"guild_id\":\"2\",\"action\":{\"type\":2,\"metadata\":{\"channel_id\":\"4\"}},\"rule_id\":\"3\",\"rule_trigger_type\":1,\"user_id\":\"1\",\"channel_id\":\"4\",\"content\":\"bad\",\"matched_keyword\":\"b*\",\"matched_content\":\"bad\"}"),
          Map.entry(
              Channel.class, "{\"id\":\"4\",\"type\":0,\"guild_id\":\"2\",\"name\":\"general\"}"),
          Map.entry(
              ChannelInfo.class,
              "{\"guild_id\":\"2\",\"channels\":[{\"id\":\"4\",\"status\":\"live\",\"voice_start_time\":1786019688}]}"),
          Map.entry(
              ChannelPinsUpdate.class,
              "{\"guild_id\":\"2\",\"channel_id\":\"4\",\"last_pin_timestamp\":\"2026-08-06T12:00:00.000000+00:00\"}"),
          Map.entry(
              ThreadCreate.class,
              "{\"id\":\"5\",\"type\":11,\"guild_id\":\"2\",\"parent_id\":\"4\",\"newly_created\":true}"),
          Map.entry(
              ThreadListSync.class,
              "{\"guild_id\":\"2\",\"threads\":[{\"id\":\"5\",\"type\":11}],\"members\":[{\"id\":\"5\",\"user_id\":\"1\",\"join_timestamp\":\"2026-08-06T12:00:00+00:00\",\"flags\":0}]}"),
          Map.entry(
              ThreadMemberUpdate.class,
              "{\"id\":\"5\",\"user_id\":\"1\",\"join_timestamp\":\"2026-08-06T12:00:00+00:00\",\"flags\":0,\"guild_id\":\"2\"}"),
          Map.entry(
              ThreadMembersUpdate.class,
              "{\"id\":\"5\",\"guild_id\":\"2\",\"member_count\":2,\"added_members\":[{\"id\":\"5\",\"user_id\":\"6\",\"join_timestamp\":\"2026-08-06T12:00:00+00:00\",\"flags\":0,\"member\":{\"roles\":[]},\"presence\":null}],\"removed_member_ids\":[\"7\"]}"),
          Map.entry(
              io.github.discordgateway.core.model.Entitlement.class,
              "{\"id\":\"8\",\"sku_id\":\"9\",\"application_id\":\"1\",\"user_id\":\"6\",\"type\":8,\"deleted\":false,\"starts_at\":null,\"ends_at\":null}"),
          Map.entry(
              GuildCreate.class,
              "{\"id\":\"2\",\"name\":\"g\",\"owner_id\":\"6\",\"roles\":[],\"joined_at\":\"2026-08-06T12:00:00+00:00\",\"large\":false,\"member_count\":1,\"members\":[],\"channels\":[]}"),
          Map.entry(
              io.github.discordgateway.core.model.Guild.class,
              "{\"id\":\"2\",\"name\":\"g\",\"owner_id\":\"6\"}"),
          Map.entry(UnavailableGuild.class, "{\"id\":\"2\",\"unavailable\":true}"),
          Map.entry(
              GuildAuditLogEntryCreate.class,
              "{\"id\":\"10\",\"target_id\":\"6\",\"user_id\":\"1\",\"action_type\":22,\"changes\":[{\"key\":\"nick\",\"old_value\":\"a\",\"new_value\":\"b\"}],\"reason\":\"spam\",\"guild_id\":\"2\"}"),
          Map.entry(
              GuildBan.class, "{\"guild_id\":\"2\",\"user\":{\"id\":\"6\",\"username\":\"u\"}}"),
          Map.entry(
              GuildEmojisUpdate.class,
              "{\"guild_id\":\"2\",\"emojis\":[{\"id\":\"11\",\"name\":\"e\"}]}"),
          Map.entry(
              GuildStickersUpdate.class,
              "{\"guild_id\":\"2\",\"stickers\":[{\"id\":\"12\",\"name\":\"s\",\"type\":2,\"format_type\":1}]}"),
          Map.entry(GuildIntegrationsUpdate.class, "{\"guild_id\":\"2\"}"),
          Map.entry(
              GuildMemberAdd.class,
              "{\"user\":{\"id\":\"6\"},\"roles\":[],\"joined_at\":\"2026-08-06T12:00:00+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0,\"pending\":true,\"guild_id\":\"2\"}"),
          Map.entry(GuildMemberRemove.class, "{\"guild_id\":\"2\",\"user\":{\"id\":\"6\"}}"),
          Map.entry(
              GuildMemberUpdate.class,
              "{\"guild_id\":\"2\",\"roles\":[\"13\"],\"user\":{\"id\":\"6\"},\"avatar\":null,\"banner\":null,\"joined_at\":\"2026-08-06T12:00:00+00:00\"}"),
          Map.entry(
              GuildMembersChunk.class,
              "{\"guild_id\":\"2\",\"members\":[],\"chunk_index\":0,\"chunk_count\":1}"),
          Map.entry(
              GuildRole.class,
              "{\"guild_id\":\"2\",\"role\":{\"id\":\"13\",\"name\":\"r\",\"permissions\":\"0\"}}"),
          Map.entry(GuildRoleDelete.class, "{\"guild_id\":\"2\",\"role_id\":\"13\"}"),
          Map.entry(
              io.github.discordgateway.core.model.GuildScheduledEvent.class,
              "{\"id\":\"14\",\"guild_id\":\"2\",\"channel_id\":null,\"name\":\"e\",\"scheduled_start_time\":\"2026-08-15T18:00:00+00:00\",\"scheduled_end_time\":null,\"privacy_level\":2,\"status\":1,\"entity_type\":3,\"entity_id\":null,\"entity_metadata\":{\"location\":\"park\"}}"),
          Map.entry(
              GuildScheduledEventUser.class,
              "{\"guild_scheduled_event_id\":\"14\",\"user_id\":\"6\",\"guild_id\":\"2\"}"),
          Map.entry(
              io.github.discordgateway.core.model.SoundboardSound.class,
              "{\"name\":\"quack\",\"sound_id\":\"15\",\"volume\":0.5,\"emoji_id\":null,\"emoji_name\":\"🦆\",\"guild_id\":\"2\",\"available\":true}"),
          Map.entry(GuildSoundboardSoundDelete.class, "{\"sound_id\":\"15\",\"guild_id\":\"2\"}"),
          Map.entry(
              SoundboardSounds.class,
              "{\"soundboard_sounds\":[{\"name\":\"quack\",\"sound_id\":\"15\"}],\"guild_id\":\"2\"}"),
          Map.entry(
              GuildIntegration.class,
              "{\"id\":\"16\",\"name\":\"i\",\"type\":\"discord\",\"enabled\":true,\"account\":{\"id\":\"a\",\"name\":\"n\"},\"application\":{\"id\":\"1\",\"name\":\"app\",\"icon\":null,\"description\":\"\"},\"scopes\":[\"bot\"],\"guild_id\":\"2\"}"),
          Map.entry(
              IntegrationDelete.class,
              "{\"id\":\"16\",\"guild_id\":\"2\",\"application_id\":\"1\"}"),
          Map.entry(
              Interaction.class,
              "{\"id\":\"17\",\"application_id\":\"1\",\"type\":1,\"token\":\"t\",\"version\":1}"),
          Map.entry(
              InviteCreate.class,
              "{\"channel_id\":\"4\",\"code\":\"abc\",\"created_at\":\"2026-08-06T12:00:00+00:00\",\"guild_id\":\"2\",\"max_age\":86400,\"max_uses\":0,\"temporary\":false,\"uses\":0,\"expires_at\":null}"),
          Map.entry(
              InviteDelete.class, "{\"channel_id\":\"4\",\"guild_id\":\"2\",\"code\":\"abc\"}"),
          Map.entry(
              MessageCreate.class,
              "{\"id\":\"18\",\"channel_id\":\"4\",\"author\":{\"id\":\"6\"},\"content\":\"hi\",\"timestamp\":\"2026-08-06T12:00:00+00:00\",\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"pinned\":false,\"type\":0}"),
          Map.entry(
              MessageUpdate.class,
              "{\"id\":\"18\",\"channel_id\":\"4\",\"content\":\"edited\",\"edited_timestamp\":\"2026-08-06T12:01:00+00:00\",\"guild_id\":\"2\"}"),
          Map.entry(MessageDelete.class, "{\"id\":\"18\",\"channel_id\":\"4\",\"guild_id\":\"2\"}"),
          Map.entry(MessageDeleteBulk.class, "{\"ids\":[\"18\",\"19\"],\"channel_id\":\"4\"}"),
          Map.entry(
              MessageReactionAdd.class,
              "{\"user_id\":\"6\",\"channel_id\":\"4\",\"message_id\":\"18\",\"guild_id\":\"2\",\"emoji\":{\"id\":null,\"name\":\"🔥\"},\"burst\":false,\"type\":0}"),
          Map.entry(
              MessageReactionRemove.class,
              "{\"user_id\":\"6\",\"channel_id\":\"4\",\"message_id\":\"18\",\"emoji\":{\"id\":\"11\",\"name\":\"e\"},\"burst\":true,\"type\":1}"),
          Map.entry(MessageReactionRemoveAll.class, "{\"channel_id\":\"4\",\"message_id\":\"18\"}"),
          Map.entry(
              MessageReactionRemoveEmoji.class,
              "{\"channel_id\":\"4\",\"message_id\":\"18\",\"emoji\":{\"id\":null,\"name\":\"🔥\"}}"),
          Map.entry(
              MessagePollVote.class,
              "{\"user_id\":\"6\",\"channel_id\":\"4\",\"message_id\":\"18\",\"answer_id\":2}"),
          Map.entry(
              Presence.class,
              "{\"user\":{\"id\":\"6\"},\"guild_id\":\"2\",\"status\":\"online\",\"activities\":[],\"client_status\":{\"web\":\"online\"}}"),
          Map.entry(
              io.github.discordgateway.core.model.StageInstance.class,
              "{\"id\":\"20\",\"guild_id\":\"2\",\"channel_id\":\"4\",\"topic\":\"t\",\"privacy_level\":2,\"discoverable_disabled\":false,\"guild_scheduled_event_id\":null}"),
          Map.entry(
              io.github.discordgateway.core.model.Subscription.class,
              "{\"id\":\"21\",\"user_id\":\"6\",\"sku_ids\":[\"9\"],\"entitlement_ids\":[\"8\"],\"renewal_sku_ids\":null,\"current_period_start\":\"2026-08-01T00:00:00+00:00\",\"current_period_end\":\"2026-09-01T00:00:00+00:00\",\"status\":0,\"canceled_at\":null}"),
          Map.entry(
              TypingStart.class,
              "{\"channel_id\":\"4\",\"user_id\":\"6\",\"timestamp\":1786019688}"),
          Map.entry(
              io.github.discordgateway.core.model.User.class,
              "{\"id\":\"1\",\"username\":\"b\",\"discriminator\":\"0001\",\"global_name\":null,\"avatar\":null,\"bot\":true}"),
          Map.entry(
              VoiceChannelEffectSend.class,
              "{\"channel_id\":\"4\",\"guild_id\":\"2\",\"user_id\":\"6\",\"sound_id\":3,\"sound_volume\":1.0}"),
          Map.entry(
              VoiceChannelStartTimeUpdate.class,
              "{\"id\":\"4\",\"guild_id\":\"2\",\"voice_start_time\":null}"),
          Map.entry(
              VoiceChannelStatusUpdate.class, "{\"id\":\"4\",\"guild_id\":\"2\",\"status\":null}"),
          Map.entry(
              io.github.discordgateway.core.model.VoiceState.class,
              "{\"guild_id\":\"2\",\"channel_id\":null,\"user_id\":\"6\",\"session_id\":\"s\",\"deaf\":false,\"mute\":false,\"self_deaf\":false,\"self_mute\":false,\"self_video\":false,\"suppress\":false,\"request_to_speak_timestamp\":null}"),
          Map.entry(
              VoiceServerUpdate.class,
              "{\"token\":\"voice-secret\",\"guild_id\":\"2\",\"endpoint\":null}"),
          Map.entry(WebhooksUpdate.class, "{\"guild_id\":\"2\",\"channel_id\":\"4\"}"));

  @Test
  void everyOneOfThe79EventTypesHasAPayloadRecord() {
    assertThat(EventType.values()).hasSize(79);
    assertThat(DispatchPayloads.all()).hasSize(79);
    for (EventType type : EventType.values()) {
      assertThat(DispatchPayloads.payloadType(type)).as(type.name()).isNotNull();
    }
  }

  @Test
  void eventsWithAPlainObjectReuseTheObjectRecord() {
    assertThat(DispatchPayloads.payloadType(EventType.CHANNEL_CREATE)).isEqualTo(Channel.class);
    assertThat(DispatchPayloads.payloadType(EventType.THREAD_DELETE)).isEqualTo(Channel.class);
    assertThat(DispatchPayloads.payloadType(EventType.GUILD_DELETE))
        .isEqualTo(UnavailableGuild.class);
    assertThat(DispatchPayloads.payloadType(EventType.PRESENCE_UPDATE)).isEqualTo(Presence.class);
    assertThat(DispatchPayloads.payloadType(EventType.INTERACTION_CREATE))
        .isEqualTo(Interaction.class);
    assertThat(DispatchPayloads.payloadType(EventType.MESSAGE_CREATE))
        .isEqualTo(MessageCreate.class);
    assertThat(DispatchPayloads.payloadType(EventType.SOUNDBOARD_SOUNDS))
        .isEqualTo(SoundboardSounds.class);
  }

  @Test
  void lookupByWireNameIsEmptyForUnknownEvents() {
    assertThat(DispatchPayloads.payloadType("GUILD_BAN_ADD")).contains(GuildBan.class);
    assertThat(DispatchPayloads.payloadType("SOMETHING_DISCORD_ADDS_LATER")).isEmpty();
    assertThat(DispatchPayloads.payloadType((String) null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyPayloadDecodesAnEmptyObject(EventType type) {
    for (ObjectMapper mapper : MAPPERS) {
      assertThatCode(() -> DispatchPayloads.decode(mapper, type, mapper.readTree("{}")))
          .as(type.name())
          .doesNotThrowAnyException();
    }
  }

  static Stream<EventType> eventTypes() {
    return Stream.of(EventType.values());
  }

  @ParameterizedTest
  @MethodSource("eventTypes")
  void everyPayloadDecodesAMinimalValidSampleAndSurvivesARoundTrip(EventType type) {
    Class<?> recordType = DispatchPayloads.payloadType(type);
    String sample = SAMPLES.get(recordType);
    assertThat(sample).as("sample for " + recordType.getSimpleName()).isNotNull();

    Object payload = DispatchPayloads.decode(DEFAULT, type, DEFAULT.readTree(sample));

    assertThat(payload).isInstanceOf(recordType).isEqualTo(decode(sample, recordType));
    assertThat(decode(DEFAULT.writeValueAsString(payload), recordType)).isEqualTo(payload);
  }

  @Test
  void samplesCoverExactlyTheRegisteredRecords() {
    Set<Class<?>> registered = new HashSet<>(DispatchPayloads.all().values());
    assertThat(SAMPLES.keySet()).isEqualTo(registered);
  }
}
