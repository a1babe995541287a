package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.command.DiscordGateway;
import io.github.discordgateway.autoconfigure.event.GuildCreateEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the members of the first guilds the bot sees with Request Guild Members (op 8), which
 * answers with GUILD_MEMBERS_CHUNK dispatches that {@link DiscordGateway} gathers into one future.
 * Listing every member needs the privileged GUILD_MEMBERS intent, and Discord allows it once per
 * guild every 30 seconds, so each guild is counted once and only the first {@value #MAX_GUILDS}.
 */
@Component
public class MemberCensus {

  /** How many guilds are counted at most. */
  static final int MAX_GUILDS = 10;

  private static final Logger log = LoggerFactory.getLogger(MemberCensus.class);

  private final DiscordGateway gateway;
  private final Set<Long> requested = ConcurrentHashMap.newKeySet();
  private final Map<Long, Integer> counts = new ConcurrentHashMap<>();

  MemberCensus(DiscordGateway gateway) {
    this.gateway = gateway;
  }

  @EventListener
  void onGuildCreate(GuildCreateEvent event) {
    if (!event.available() || requested.size() >= MAX_GUILDS || !requested.add(event.id())) {
      return;
    }
    long guildId = event.id();
    String name = event.guild().name();
    gateway
        .requestGuildMembers(guildId, "", 0, false)
        .whenComplete(
            (members, error) -> {
              if (error == null) {
                counts.put(guildId, members.size());
                log.info("{} has {} members (requestGuildMembers)", name, members.size());
              } else {
                requested.remove(guildId);
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                log.warn("Could not list the members of {}: {}", name, cause.getMessage());
              }
            });
  }

  /** Returns the member count of each guild counted so far. */
  public Map<Long, Integer> counts() {
    return Map.copyOf(counts);
  }
}
