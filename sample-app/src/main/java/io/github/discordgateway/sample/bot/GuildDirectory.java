package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.GuildCreateEvent;
import io.github.discordgateway.autoconfigure.event.GuildDeleteEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Names of the guilds the bot is in, from GUILD_CREATE, for readable log lines. */
@Component
public class GuildDirectory {

  private final Map<Long, String> names = new ConcurrentHashMap<>();

  @EventListener
  void onGuildCreate(GuildCreateEvent event) {
    if (event.available()) {
      names.put(event.id(), event.guild().name());
    }
  }

  @EventListener
  void onGuildDelete(GuildDeleteEvent event) {
    names.remove(event.guild().id());
  }

  /**
   * Returns the name of a guild.
   *
   * @param guildId the guild, or {@code null} for direct messages
   * @return its name, or a placeholder while it is unknown
   */
  public String name(Long guildId) {
    if (guildId == null) {
      return "a direct message";
    }
    return names.getOrDefault(guildId, "guild " + guildId);
  }

  /** Returns how many guilds the bot is in (available ones). */
  public int size() {
    return names.size();
  }
}
