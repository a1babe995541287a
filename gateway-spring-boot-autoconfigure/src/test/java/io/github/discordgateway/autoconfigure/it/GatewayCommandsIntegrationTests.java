package io.github.discordgateway.autoconfigure.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.DiscordGatewayLifecycle;
import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.GuildCreateEvent;
import io.github.discordgateway.autoconfigure.event.GuildMembersChunkEvent;
import io.github.discordgateway.autoconfigure.event.ReadyEvent;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.command.GuildMembersRequestException;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.UnavailableGuild;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.PresenceStatus;
import io.github.discordgateway.core.protocol.RequestChannelInfo;
import io.github.discordgateway.core.shard.ShardRouting;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeGuild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Commands against a fake that the annotation cannot configure: three guilds, two shards of which
 * this process runs shard 0, and members sent three to a chunk.
 */
@SpringBootTest(
    classes = GatewayCommandsIntegrationTests.Bot.class,
    properties = {
      "discord.gateway.intents=GUILDS,GUILD_MEMBERS,GUILD_VOICE_STATES",
      "discord.gateway.shards.total=2",
      "discord.gateway.shards.ids=0",
      "discord.gateway.commands.member-request-timeout=5s"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayCommandsIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final List<FakeGuild> GUILDS = guilds();

  /**
   * The fake of the test class running now: started when its context first reads the properties and
   * closed after the class, so each subclass (another encoding or compression) gets a fresh fake,
   * with no commands or rate limits left over from the previous class.
   */
  private static FakeDiscordGateway current;

  static synchronized FakeDiscordGateway fake() {
    if (current == null) {
      current =
          FakeDiscordGateway.builder()
              .heartbeatInterval(Duration.ofSeconds(1))
              .shards(2)
              .guilds(GUILDS)
              .memberChunkSize(3)
              .start();
    }
    return current;
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("discord.gateway.url", () -> fake().gatewayUrl());
    registry.add("discord.gateway.api-url", () -> fake().apiBaseUrl());
    registry.add("discord.gateway.token", () -> fake().token());
  }

  @AfterAll
  static synchronized void stopGateway() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Autowired DiscordGateway discord;
  @Autowired DiscordGatewayLifecycle lifecycle;
  @Autowired Listeners listeners;

  @BeforeEach
  void connected() throws Exception {
    lifecycle.ready().get(10, TimeUnit.SECONDS);
  }

  /** Two guilds on shard 0 and one on shard 1 of 2. */
  static List<FakeGuild> guilds() {
    long base = Long.parseUnsignedLong("573544236423708672");
    List<FakeGuild> onZero = new ArrayList<>();
    FakeGuild onOne = null;
    for (int k = 0; k < 8 && (onZero.size() < 2 || onOne == null); k++) {
      long id = base + ((long) k << 22);
      FakeGuild guild = FakeGuild.generated(Long.toUnsignedString(id), "Guild " + k, 8);
      if (ShardRouting.shardFor(id, 2) == 0) {
        if (onZero.size() < 2) {
          onZero.add(guild);
        }
      } else if (onOne == null) {
        onOne = guild;
      }
    }
    List<FakeGuild> all = new ArrayList<>(onZero);
    all.add(onOne);
    return all;
  }

  @Test
  void requestGuildMembersGathersEveryChunkThenARepeatIsRateLimited() throws Exception {
    FakeGuild guild = GUILDS.get(0);
    long guildId = Long.parseUnsignedLong(guild.id());

    List<Member> members =
        discord.requestGuildMembers(guildId, "", 0, false).get(10, TimeUnit.SECONDS);

    // 8 members and the bot, three to a chunk
    assertThat(members).hasSize(9);
    assertThat(members.stream().map(m -> m.user().id()).collect(Collectors.toSet()))
        .hasSize(9)
        .contains(Long.parseUnsignedLong(guild.members().get(7).id()));
    ClientPayload request = fake().takeCommand(Opcode.REQUEST_GUILD_MEMBERS, WAIT);
    String nonce = request.data().get("nonce").asString();
    await()
        .atMost(WAIT)
        .until(
            () ->
                listeners.chunks.stream()
                    .filter(c -> nonce.equals(c.nonce()))
                    .map(GuildMembersChunkEvent::chunkIndex)
                    .toList()
                    .equals(List.of(0, 1, 2)));

    Throwable failure =
        catchThrowable(
            () -> discord.requestGuildMembers(guildId, "", 0, false).get(10, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    GuildMembersRequestException limited = (GuildMembersRequestException) failure.getCause();
    assertThat(limited.kind()).isEqualTo(GuildMembersRequestException.Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
    assertThat(limited.guildId()).isEqualTo(guildId);
  }

  @Test
  void requestByUserIdsReturnsThoseMembers() throws Exception {
    FakeGuild guild = GUILDS.get(1);
    List<Long> ids =
        List.of(
            Long.parseUnsignedLong(guild.members().get(0).id()),
            Long.parseUnsignedLong(guild.members().get(3).id()));
    List<Member> members =
        discord
            .requestGuildMembers(Long.parseUnsignedLong(guild.id()), ids, false)
            .get(10, TimeUnit.SECONDS);
    assertThat(members).extracting(m -> m.user().id()).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void everyReadyGuildOfThisShardArrivesAsGuildCreateEvent() {
    await().atMost(WAIT).until(() -> !listeners.readies.isEmpty());
    Set<Long> readyGuilds =
        listeners.readies.get(0).guilds().stream()
            .map(UnavailableGuild::id)
            .collect(Collectors.toSet());
    assertThat(readyGuilds)
        .containsExactlyInAnyOrder(
            Long.parseUnsignedLong(GUILDS.get(0).id()), Long.parseUnsignedLong(GUILDS.get(1).id()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                listeners.guildCreates.stream()
                    .map(e -> e.guild().id())
                    .collect(Collectors.toSet())
                    .equals(readyGuilds));
  }

  @Test
  void commandsGoToTheGuildsShard() throws Exception {
    long guildId = Long.parseUnsignedLong(GUILDS.get(0).id());
    long voiceChannel = Long.parseUnsignedLong(GUILDS.get(0).channels().get(2).id());
    discord.updateVoiceState(guildId, voiceChannel, false, true).get(10, TimeUnit.SECONDS);
    ClientPayload voice = fake().takeCommand(Opcode.VOICE_STATE_UPDATE, WAIT);
    assertThat(voice.data().get("guild_id").asString()).isEqualTo(GUILDS.get(0).id());
    assertThat(voice.data().get("self_deaf").asBoolean()).isTrue();

    discord.updatePresence(PresenceStatus.IDLE).get(10, TimeUnit.SECONDS);
    ClientPayload presence = fake().takeCommand(Opcode.PRESENCE_UPDATE, WAIT);
    assertThat(presence.data().get("status").asString()).isEqualTo("idle");

    discord
        .requestChannelInfo(guildId, List.of(RequestChannelInfo.STATUS))
        .get(10, TimeUnit.SECONDS);
    assertThat(
            fake().takeCommand(Opcode.REQUEST_CHANNEL_INFO, WAIT).data().get("guild_id").asString())
        .isEqualTo(GUILDS.get(0).id());

    discord.requestSoundboardSounds(List.of(guildId)).get(10, TimeUnit.SECONDS);
    assertThat(fake().takeCommand(Opcode.REQUEST_SOUNDBOARD_SOUNDS, WAIT)).isNotNull();
  }

  @Test
  void aGuildOnAShardOfAnotherProcessFailsClearly() {
    long elsewhere = Long.parseUnsignedLong(GUILDS.get(2).id());
    Throwable failure =
        catchThrowable(
            () ->
                discord.updateVoiceState(elsewhere, null, false, false).get(10, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ExecutionException.class);
    GatewayException cause = (GatewayException) failure.getCause();
    assertThat(cause.kind()).isEqualTo(GatewayException.Kind.INVALID_COMMAND);
    assertThat(cause.getMessage())
        .contains("shard 1/2")
        .contains("which this process does not run");
    assertThat(
            catchThrowable(
                () ->
                    discord
                        .requestGuildMembers(elsewhere, "a", 5, false)
                        .get(10, TimeUnit.SECONDS)))
        .hasCauseInstanceOf(GatewayException.class);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Bot {
    @Bean
    Listeners listeners() {
      return new Listeners();
    }
  }

  static class Listeners {
    final List<GuildMembersChunkEvent> chunks = new CopyOnWriteArrayList<>();
    final List<ReadyEvent> readies = new CopyOnWriteArrayList<>();
    final List<GuildCreateEvent> guildCreates = new CopyOnWriteArrayList<>();

    @EventListener
    void onChunk(GuildMembersChunkEvent event) {
      chunks.add(event);
    }

    @EventListener
    void onReady(ReadyEvent event) {
      readies.add(event);
    }

    @EventListener
    void onGuildCreate(GuildCreateEvent event) {
      guildCreates.add(event);
    }
  }
}
