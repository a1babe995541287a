package io.github.discordgateway.core.model.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.discordgateway.core.model.Channel;
import io.github.discordgateway.core.model.Guild;
import io.github.discordgateway.core.model.GuildScheduledEvent;
import io.github.discordgateway.core.model.Member;
import io.github.discordgateway.core.model.Presence;
import io.github.discordgateway.core.model.SoundboardSound;
import io.github.discordgateway.core.model.StageInstance;
import io.github.discordgateway.core.model.VoiceState;
import io.github.discordgateway.core.model.internal.Lists;
import io.github.discordgateway.core.model.json.OrDefault;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GUILD_CREATE}: a guild became available (startup lazy load, recovery from an outage, or
 * the bot joined). The guild object's keys and the extras below share one JSON object.
 *
 * <p>During an outage the payload may itself be an unavailable guild ({@code {id, unavailable:
 * true}}): then {@link #available()} is false and only {@code guild().id()} is meaningful.
 *
 * @param guild the guild object
 * @param joinedAt when the bot joined
 * @param large whether the guild counts as large
 * @param unavailable {@code null} when absent, {@code true} during an outage
 * @param voiceStates current voice states, without {@code guild_id}
 * @param members members (only the bot and voice users without GUILD_PRESENCES or above 75k)
 * @param channels channels (their {@code guild_id} may be missing)
 * @param threads active threads the bot can see
 * @param presences partial presences
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuildCreate(
    @JsonUnwrapped Guild guild,
    OffsetDateTime joinedAt,
    @OrDefault boolean large,
    Boolean unavailable,
    @OrDefault int memberCount,
    List<VoiceState> voiceStates,
    List<Member> members,
    List<Channel> channels,
    List<Channel> threads,
    List<Presence> presences,
    List<StageInstance> stageInstances,
    List<GuildScheduledEvent> guildScheduledEvents,
    List<SoundboardSound> soundboardSounds) {

  /** Normalises absent collections to empty ones. */
  public GuildCreate {
    voiceStates = Lists.of(voiceStates);
    members = Lists.of(members);
    channels = Lists.of(channels);
    threads = Lists.of(threads);
    presences = Lists.of(presences);
    stageInstances = Lists.of(stageInstances);
    guildScheduledEvents = Lists.of(guildScheduledEvents);
    soundboardSounds = Lists.of(soundboardSounds);
  }

  /** Returns the guild id. */
  public long id() {
    return guild.id();
  }

  /** Returns whether the guild is available (false when the payload is an unavailable guild). */
  public boolean available() {
    return !Boolean.TRUE.equals(unavailable);
  }
}
