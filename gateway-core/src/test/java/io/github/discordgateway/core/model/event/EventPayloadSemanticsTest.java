package io.github.discordgateway.core.model.event;

import static io.github.discordgateway.core.model.ModelJson.DEFAULT;
import static io.github.discordgateway.core.model.ModelJson.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.model.Possible;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class EventPayloadSemanticsTest {

  @Test
  void guildMemberUpdateTellsUnchangedFromClearedFromSet() {
    GuildMemberUpdate unchanged =
        decode("{\"guild_id\":\"2\",\"user\":{\"id\":\"6\"}}", GuildMemberUpdate.class);
    GuildMemberUpdate cleared =
        decode(
            "{\"guild_id\":\"2\",\"user\":{\"id\":\"6\"},\"nick\":null,"
                + "\"communication_disabled_until\":null,\"premium_since\":null}",
            GuildMemberUpdate.class);
    GuildMemberUpdate set =
        decode(
            "{\"guild_id\":\"2\",\"user\":{\"id\":\"6\"},\"nick\":\"neo\",\"deaf\":true,"
                + "\"communication_disabled_until\":\"2026-08-07T00:00:00+00:00\"}",
            GuildMemberUpdate.class);

    assertThat(unchanged.userId()).isEqualTo(6L);
    assertThat(unchanged.nick().isAbsent()).isTrue();
    assertThat(unchanged.communicationDisabledUntil().isAbsent()).isTrue();
    assertThat(unchanged.deaf()).isNull();
    assertThat(unchanged.roles()).isEmpty();
    assertThat(cleared.nick().isNull()).isTrue();
    assertThat(cleared.premiumSince().isNull()).isTrue();
    assertThat(cleared.communicationDisabledUntil().isNull()).isTrue();
    assertThat(set.nick()).isEqualTo(Possible.of("neo"));
    assertThat(set.deaf()).isTrue();
    assertThat(set.communicationDisabledUntil().get())
        .isEqualTo(OffsetDateTime.parse("2026-08-07T00:00:00Z"));
  }

  @Test
  void guildMemberUpdateWritesAbsentFieldsAsAbsentAndClearedAsNull() {
    GuildMemberUpdate cleared =
        decode("{\"guild_id\":\"2\",\"roles\":[],\"nick\":null}", GuildMemberUpdate.class);

    String json = DEFAULT.writeValueAsString(cleared);

    assertThat(json).contains("\"nick\":null").doesNotContain("premium_since");
    assertThat(decode(json, GuildMemberUpdate.class)).isEqualTo(cleared);
  }

  @Test
  void guildCreateDuringAnOutageIsAnUnavailableGuild() {
    GuildCreate outage = decode("{\"id\":\"2\",\"unavailable\":true}", GuildCreate.class);

    assertThat(outage.available()).isFalse();
    assertThat(outage.id()).isEqualTo(2L);
    assertThat(outage.members()).isEmpty();
  }

  @Test
  void threadCreateFlagsNewThreadsAndCarriesTheBotsMembership() {
    ThreadCreate created =
        decode(
            "{\"id\":\"5\",\"type\":12,\"guild_id\":\"2\",\"parent_id\":\"4\",\"newly_created\":true}",
            ThreadCreate.class);
    ThreadCreate added =
        decode(
            "{\"id\":\"5\",\"type\":12,\"member\":{\"id\":\"5\",\"user_id\":\"1\","
                + "\"join_timestamp\":\"2026-08-06T12:00:00+00:00\",\"flags\":0}}",
            ThreadCreate.class);

    assertThat(created.newlyCreated()).isTrue();
    assertThat(created.thread().parentId()).isEqualTo(4L);
    assertThat(created.thread().thread()).isTrue();
    assertThat(added.newlyCreated()).isFalse();
    assertThat(added.thread().member().userId()).isEqualTo(1L);
  }

  @Test
  void unwrappedPayloadsReadTheObjectAndTheGuildIdFromOneJsonObject() {
    GuildMemberAdd add =
        decode(
            "{\"user\":{\"id\":\"6\",\"username\":\"u\"},\"roles\":[\"13\"],\"pending\":true,"
                + "\"guild_id\":\"2\"}",
            GuildMemberAdd.class);
    ThreadMemberUpdate threadMember =
        decode(
            "{\"id\":\"5\",\"user_id\":\"1\",\"flags\":3,\"guild_id\":\"2\"}",
            ThreadMemberUpdate.class);
    GuildAuditLogEntryCreate entry =
        decode(
            "{\"id\":\"10\",\"action_type\":22,\"guild_id\":\"2\"}",
            GuildAuditLogEntryCreate.class);

    assertThat(add.guildId()).isEqualTo(2L);
    assertThat(add.member().user().username()).isEqualTo("u");
    assertThat(add.member().roles()).containsExactly(13L);
    assertThat(add.member().pending()).isTrue();
    assertThat(threadMember.guildId()).isEqualTo(2L);
    assertThat(threadMember.member().flags()).isEqualTo(3);
    assertThat(entry.entry().actionType()).isEqualTo(22);
    assertThat(entry.guildId()).isEqualTo(2L);
  }

  @Test
  void messageUpdateLeavesAbsentFieldsUnset() {
    MessageUpdate update =
        decode("{\"id\":\"18\",\"channel_id\":\"4\",\"guild_id\":\"2\"}", MessageUpdate.class);

    assertThat(update.message().content()).isNull();
    assertThat(update.message().editedTimestamp()).isNull();
    assertThat(update.message().referencedMessage().isAbsent()).isTrue();
    assertThat(update.guildId()).isEqualTo(2L);
  }

  @Test
  void rateLimitedExposesRetryAfterAndRequestMeta() {
    RateLimited limited =
        decode(
            "{\"opcode\":8,\"retry_after\":27.5,\"meta\":{\"guild_id\":\"2\",\"nonce\":\"n\"}}",
            RateLimited.class);

    assertThat(limited.opcode()).isEqualTo(8);
    assertThat(limited.retryAfterDuration()).isEqualTo(Duration.ofMillis(27500));
    assertThat(limited.guildId()).contains(2L);
    assertThat(limited.nonce()).contains("n");
    assertThat(decode("{\"opcode\":8}", RateLimited.class).guildId()).isEmpty();
  }

  @Test
  void voiceServerUpdateRedactsTheVoiceTokenAndFlagsAMissingEndpoint() {
    VoiceServerUpdate update =
        decode(
            "{\"token\":\"voice-secret\",\"guild_id\":\"2\",\"endpoint\":null}",
            VoiceServerUpdate.class);

    assertThat(update.token()).isEqualTo("voice-secret");
    assertThat(update.endpoint()).isNull();
    assertThat(update.toString()).contains("<redacted>").doesNotContain("voice-secret");
  }

  @Test
  void voiceChannelEffectAcceptsSmallIntegerSoundIds() {
    VoiceChannelEffectSend effect =
        decode(
            "{\"channel_id\":\"4\",\"guild_id\":\"2\",\"user_id\":\"6\",\"sound_id\":3}",
            VoiceChannelEffectSend.class);

    assertThat(effect.soundId()).isEqualTo(3L);
    assertThat(effect.emoji()).isNull();
  }

  @Test
  void threadListSyncWithoutChannelIdsCoversTheWholeGuild() {
    assertThat(decode("{\"guild_id\":\"2\"}", ThreadListSync.class).wholeGuild()).isTrue();
    assertThat(
            decode("{\"guild_id\":\"2\",\"channel_ids\":[\"4\"]}", ThreadListSync.class)
                .wholeGuild())
        .isFalse();
  }

  @Test
  void membersChunkKnowsWhetherItIsTheLast() {
    assertThat(decode("{\"chunk_index\":0,\"chunk_count\":3}", GuildMembersChunk.class).last())
        .isFalse();
    assertThat(decode("{\"chunk_index\":2,\"chunk_count\":3}", GuildMembersChunk.class).last())
        .isTrue();
  }
}
